import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './spreadsheet-cell.ts';

/**
 * A table as a CSV file an organizer can open in any spreadsheet: RFC 4180 quoting by
 * csv-stringify, CRLF line ends, a UTF-8 byte-order mark (without it Excel reads UTF-8 as the
 * machine's legacy code page), and every cell, the header included, neutralised against
 * formulas, whoever typed it.
 */
export function exportCsv(table: readonly (readonly string[])[]): string {
  return stringify(
    table.map((row) => row.map(neutraliseFormula)),
    { bom: true, record_delimiter: 'windows' },
  );
}
