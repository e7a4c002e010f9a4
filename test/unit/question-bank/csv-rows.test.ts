import { describe, expect, it } from 'vitest';
import { csvQuestionRows, looksLikeCsvHeader, readCsv } from '../../../src/domain/question-bank/csv-rows.ts';

/** The fields of each record, for tables that do not care about lines. */
function fields(text: string): string[][] {
  const result = readCsv(text);
  if (!result.ok) throw new Error(`unexpected CSV error: ${result.message}`);
  return result.records.map((record) => record.fields);
}

describe('readCsv (RFC 4180)', () => {
  it.each([
    ['plain fields', 'a,b,c', [['a', 'b', 'c']]],
    [
      'LF between records',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CRLF between records, and a final CRLF is not an empty record',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a lone CR ends a record too', 'a\rb', [['a'], ['b']]],
    ['empty fields, leading and trailing', ',a,', [['', 'a', '']]],
    ['a quoted field holds commas', '"a, b",c', [['a, b', 'c']]],
    ['a doubled quote inside quotes is one quote', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'a quoted field holds line breaks (CRLF read as LF)',
      '"one\r\ntwo",x\ny,z',
      [
        ['one\ntwo', 'x'],
        ['y', 'z'],
      ],
    ],
    ['an empty quoted field', '"",a', [['', 'a']]],
    ['a quote inside an unquoted field is kept as a character', 'O"Neil,b', [['O"Neil', 'b']]],
    ['a byte-order mark before the header is dropped', '\uFEFFtype,text', [['type', 'text']]],
    ['spaces are part of a field', ' a , b ', [[' a ', ' b ']]],
    ['an empty text has no records', '', []],
  ])('%s', (_name, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    const result = readCsv('h1,h2\n"multi\nline",x\nlast,y');
    expect(result.ok && result.records.map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('refuses a quoted field that never closes, naming the line it opened on', () => {
    expect(readCsv('a,b\nc,"never\nclosed')).toEqual({
      ok: false,
      line: 2,
      message: expect.stringContaining('never ends'),
    });
  });

  it('refuses text straight after a closing quote, saying how to write a quote', () => {
    expect(readCsv('a\n"quoted"tail,b')).toEqual({
      ok: false,
      line: 2,
      message: expect.stringContaining('write a quote twice'),
    });
  });
});

describe('csvQuestionRows', () => {
  const header = 'type,id,levels,text,followUp1,followUp2,followUp3,rubricHint1,hint';

  it('maps columns onto question fields: lists from numbered columns, blanks left out, levels split', () => {
    const text = `${header}\nexecution,ex-one,SENIOR STAFF,"Text, with a comma",First probe,Second probe,,Names the trade-off,A hint`;
    const result = csvQuestionRows(text);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          number: 2,
          line: 2,
          problems: [],
          data: {
            type: 'execution',
            id: 'ex-one',
            levels: ['SENIOR', 'STAFF'],
            text: 'Text, with a comma',
            followUps: ['First probe', 'Second probe'],
            rubricHints: ['Names the trade-off'],
            hint: 'A hint',
          },
        },
      ],
    });
  });

  it('reads headers whatever their case, spaces or dashes, and levels split by commas or semicolons', () => {
    const result = csvQuestionRows('Type,Levels,Follow-up 1,Rubric_Hint 1\nstrategy,"PM, SENIOR;STAFF",a,b');
    expect(result.ok && result.rows[0]?.data).toEqual({
      type: 'strategy',
      levels: ['PM', 'SENIOR', 'STAFF'],
      followUps: ['a'],
      rubricHints: ['b'],
    });
  });

  it('reads role-play notes from their own optional columns, leaving them out when blank', () => {
    const result = csvQuestionRows(
      'type,text,rolePlayNote1,Role play note 2\nreverse-interview,A scenario,Stay vague at first,\nreverse-interview,Another,,',
    );
    expect(result.ok && result.rows.map((row) => row.data)).toEqual([
      { type: 'reverse-interview', text: 'A scenario', rolePlayNotes: ['Stay vague at first'] },
      { type: 'reverse-interview', text: 'Another' },
    ]);
  });

  it('numbers rows as a spreadsheet does, skipping empty rows but still counting them', () => {
    const result = csvQuestionRows(`${header}\n,,,,,,,,\nexecution,,,x\n\n`);
    expect(result.ok && result.rows.map((row) => [row.number, row.line])).toEqual([[3, 3]]);
  });

  it('flags a row with more cells than the header names: a comma outside quotes', () => {
    const result = csvQuestionRows('type,text\nexecution,Hello, world');
    expect(result.ok && result.rows[0]?.problems).toEqual([
      { field: '', message: expect.stringContaining('has 3 cells but the header names 2 columns') },
    ]);
  });

  it.each([
    ['an unknown column', 'type,txt\nexecution,x', 'column “txt”'],
    ['a column named twice', 'type,text,Text\nexecution,x,y', 'names the column “Text” twice'],
    ['a syntax error, with its line', 'type,text\nexecution,"open', 'CSV line 2'],
    ['an empty text', '', 'The CSV is empty'],
  ])('refuses the whole paste for %s', (_name, text, message) => {
    const result = csvQuestionRows(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it.each([
    ['type,levels,text', true],
    ['Type, Text, Hint', true],
    ['- type: execution', false],
    ['type: execution', false],
    ['questions:', false],
  ])('looksLikeCsvHeader(%j) is %s', (line, expected) => {
    expect(looksLikeCsvHeader(line)).toBe(expected);
  });
});
