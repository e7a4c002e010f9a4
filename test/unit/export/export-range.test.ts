import { describe, expect, it } from 'vitest';
import { parseExportRange } from '../../../src/domain/export/export-range.ts';

const NOW = Date.parse('2026-12-06T15:30:00Z');
const DAY = 86_400_000;

function range(text: string) {
  const parsed = parseExportRange(text, NOW);
  if (!parsed.ok) throw new Error(`unexpected refusal: ${parsed.message}`);
  return parsed.value;
}

function refusal(text: string): string {
  const parsed = parseExportRange(text, NOW);
  if (parsed.ok) throw new Error(`expected a refusal for ${JSON.stringify(text)}`);
  return parsed.message;
}

describe('parseExportRange: what organizers type', () => {
  it.each([
    ['', '2026-11-07', '2026-12-06'],
    ['   ', '2026-11-07', '2026-12-06'],
    ['last 30 days', '2026-11-07', '2026-12-06'],
    ['Last 7 Days', '2026-11-30', '2026-12-06'],
    ['last 1 day', '2026-12-06', '2026-12-06'],
    ['last 90d', '2026-09-08', '2026-12-06'],
    ['last 14', '2026-11-23', '2026-12-06'],
    ['last 366 days', '2025-12-06', '2026-12-06'],
    ['2026-11-01 2026-11-30', '2026-11-01', '2026-11-30'],
    ['2026-11-01 to 2026-11-30', '2026-11-01', '2026-11-30'],
    ['from 2026-11-01 to 2026-11-30', '2026-11-01', '2026-11-30'],
    ['2026-11-01..2026-11-30', '2026-11-01', '2026-11-30'],
    ['2026-11-01 – 2026-11-30', '2026-11-01', '2026-11-30'],
    ['2026-11-15 2026-11-15', '2026-11-15', '2026-11-15'],
    ['2026-11-01', '2026-11-01', '2026-12-06'],
    ['2026-12-01 2027-01-31', '2026-12-01', '2027-01-31'],
  ])('%j covers %s to %s', (text, firstDay, lastDay) => {
    expect(range(text)).toMatchObject({ firstDay, lastDay });
  });

  it('covers whole UTC days, the last one included', () => {
    expect(range('2026-11-01 2026-11-30')).toEqual({
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-12-01T00:00:00Z'),
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
    });
    const { from, to } = range('');
    expect((to - from) / DAY).toBe(30);
    expect(to).toBe(Date.parse('2026-12-07T00:00:00Z'));
  });
});

describe('parseExportRange: each malformed range gets its own answer', () => {
  it.each([
    ['11/01/2026', 'could not read “11/01/2026” as a day: write days as YYYY-MM-DD'],
    ['yesterday', 'could not read “yesterday” as a day'],
    ['2026-11-01 2026-11', 'could not read “2026-11” as a day'],
    ['2026-02-30', '2026-02-30 is not a day on the calendar'],
    ['2026-13-01 2026-12-31', '2026-13-01 is not a day on the calendar'],
    ['2026-11-30 2026-11-01', 'ends (2026-11-01) before it starts (2026-11-30); put the earlier day first'],
    ['2027-01-10', '2027-01-10 is after today (2026-12-06, UTC); give a last day too'],
    ['2026-01-01 2026-02-01 2026-03-01', 'names 3 dates; give one or two'],
    ['2025-01-01 2026-12-31', 'That is 730 days; an export covers at most 366'],
    ['last 400 days', 'That is 400 days; an export covers at most 366'],
    ['last 0 days', '`last 0 days` covers no days'],
    ['last month', 'did not understand “month”'],
    ['last 3 weeks', 'did not understand “3 weeks”'],
    ['last', '`last` needs a number of days after it'],
  ])('%j', (text, message) => {
    expect(refusal(text)).toContain(message);
  });

  it('repeats at most 30 characters of what was typed', () => {
    expect(refusal(`x${'y'.repeat(200)}`)).toContain(`“x${'y'.repeat(29)}…”`);
  });
});
