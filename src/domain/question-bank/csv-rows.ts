import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { SourceRow, SourceRows } from './import-rows.ts';

/**
 * CSV for organizers' question imports, read by csv-parse (RFC 4180: commas, records ending in
 * CRLF, LF or a lone CR, fields in double quotes holding commas, line breaks and doubled quotes),
 * which is what Google Sheets, Excel and Numbers export. The one liberty it takes is Python's: a
 * quote inside an unquoted field (`O"Neil`) is kept as a character, not refused.
 */

export interface CsvRecord {
  /** The line of the text the record starts on (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function readCsv(text: string): CsvReadResult {
  // One kind of line break, so a CRLF inside a quoted field reads as LF and line numbers count
  // CRLF once (csv-parse detects one record delimiter per text, and counts CR and LF apart).
  const input = text.replace(/\r\n?/g, '\n');
  // csv-parse's relax_quotes allows both a quote inside an unquoted field (kept, as before) and
  // text after a closing quote (`"quoted"tail`, which we refuse: it is almost always a quote that
  // should have been doubled). So the strict reading comes first, and the relaxed one only when
  // the strict one stopped at a quote inside an unquoted field. Limit: a paste holding both kinds
  // gets the relaxed reading of the second.
  const strict = readWith(input, false);
  if (strict.ok || strict.code !== 'INVALID_OPENING_QUOTE') return withoutCode(strict);
  return withoutCode(readWith(input, true));
}

type Attempt =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; message: string; code: string };

function readWith(input: string, relaxQuotes: boolean): Attempt {
  const records: CsvRecord[] = [];
  // Where the record being read starts: the line after the previous record ended.
  let nextLine = 1;
  try {
    parse(input, {
      // A spreadsheet's UTF-8 export may start with a byte-order mark, which is not part of the header.
      bom: true,
      record_delimiter: '\n',
      relax_quotes: relaxQuotes,
      // Rows with more or fewer cells than the header are judged row by row (csvQuestionRows).
      relax_column_count: true,
      on_record: (fields: string[], context) => {
        records.push({ line: nextLine, fields });
        nextLine = context.lines + 1;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { ok: false, code: error.code, ...describeError(error, nextLine) };
  }
  return { ok: true, records };
}

function describeError(error: CsvError, recordLine: number): { line: number; message: string } {
  const line = (error as CsvError & { lines?: number }).lines ?? recordLine;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        line: recordLine,
        message: 'a quoted text in the row that starts here never ends: a closing quote (") is missing',
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        line,
        message:
          'after a closing quote, expected a comma or the end of the line but found more text. Inside a quoted text, write a quote twice ("")',
      };
    default:
      return { line, message: 'this line cannot be read as CSV' };
  }
}

function withoutCode(attempt: Attempt): CsvReadResult {
  if (attempt.ok) return attempt;
  return { ok: false, line: attempt.line, message: attempt.message };
}

// ---------------------------------------------------------------------------------------------

/** Columns a question import may have, as the header names them (case, spaces and dashes aside). */
const LIST_COLUMNS = { followUps: 4, rubricHints: 3, rolePlayNotes: 3 } as const;
const SINGLE_COLUMNS = ['type', 'id', 'topic', 'levels', 'text', 'hint'] as const;

type Column =
  | { kind: 'single'; field: (typeof SINGLE_COLUMNS)[number] }
  | { kind: 'list'; field: keyof typeof LIST_COLUMNS; position: number };

export const CSV_COLUMNS_HELP =
  'type, id, topic, levels, text, followUp1 … followUp4, rubricHint1 … rubricHint3, hint, and optionally rolePlayNote1 … rolePlayNote3 (directions only the interviewer sees)';

function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

function columnFor(name: string): Column | undefined {
  const key = normaliseHeader(name);
  const single = SINGLE_COLUMNS.find((field) => field.toLowerCase() === key);
  if (single) return { kind: 'single', field: single };
  for (const [field, count] of Object.entries(LIST_COLUMNS) as [keyof typeof LIST_COLUMNS, number][]) {
    // followUps → followup1 … followup4
    const match = new RegExp(`^${field.toLowerCase().slice(0, -1)}(\\d)$`).exec(key);
    const position = Number(match?.[1]);
    if (match && position >= 1 && position <= count) return { kind: 'list', field, position };
  }
  return undefined;
}

/** Whether a line reads as a question import's CSV header (`type,levels,text,…`). */
export function looksLikeCsvHeader(line: string): boolean {
  const cells = line.split(',');
  return (
    cells.length >= 2 && cells.some((cell) => columnFor(cell.trim().replace(/^"|"$/g, '')) !== undefined)
  );
}

/**
 * The question rows of a CSV paste: a header naming the columns, then one question per row. List
 * fields take one column per item (followUp1, followUp2…), as a spreadsheet lays them out; blank
 * cells are left out, so a question with two follow-ups leaves followUp3 and followUp4 empty.
 * `levels` holds one or more levels separated by spaces, commas or semicolons (`SENIOR STAFF`).
 */
export function csvQuestionRows(text: string): SourceRows {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, message: `CSV line ${read.line}: ${read.message}.` };
  const blank = (record: CsvRecord) => record.fields.every((cell) => cell.trim() === '');
  const headerAt = read.records.findIndex((record) => !blank(record));
  const header = read.records[headerAt];
  if (!header) return { ok: false, message: 'The CSV is empty.' };

  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const name of header.fields) {
    const column = columnFor(name);
    if (!column) {
      return {
        ok: false,
        message: `The CSV header has a column “${name.trim()}” that Mockingbird does not know. The columns are ${CSV_COLUMNS_HELP}.`,
      };
    }
    const key = column.kind === 'single' ? column.field : `${column.field}${column.position}`;
    if (seen.has(key))
      return { ok: false, message: `The CSV header names the column “${name.trim()}” twice.` };
    seen.add(key);
    columns.push(column);
  }

  const rows: SourceRow[] = [];
  read.records.forEach((record, index) => {
    // Spreadsheets export trailing empty rows as runs of commas; they are not questions.
    if (index <= headerAt || blank(record)) return;
    const data: Record<string, unknown> = {};
    const lists: Record<string, { position: number; value: string }[]> = {};
    for (const [at, column] of columns.entries()) {
      const cell = (record.fields[at] ?? '').trim();
      if (column.kind === 'list') {
        lists[column.field] ??= [];
        if (cell !== '') lists[column.field]!.push({ position: column.position, value: cell });
      } else if (cell !== '') {
        data[column.field] = column.field === 'levels' ? cell.split(/[\s,;]+/).filter(Boolean) : cell;
      }
    }
    for (const [field, items] of Object.entries(lists)) {
      // Role-play notes are optional: blank cells mean the question has none, not an empty list.
      if (field === 'rolePlayNotes' && items.length === 0) continue;
      data[field] = items.sort((a, b) => a.position - b.position).map((item) => item.value);
    }

    const extra = record.fields.slice(columns.length).filter((cell) => cell.trim() !== '');
    const problems =
      extra.length > 0
        ? [
            {
              field: '',
              message: `has ${record.fields.length} cells but the header names ${columns.length} columns; put a text that holds a comma in double quotes`,
            },
          ]
        : [];
    // Row numbers as a spreadsheet shows them: one per record, the header's included.
    rows.push({ number: index + 1, line: record.line, data, problems });
  });
  return { ok: true, rows };
}
