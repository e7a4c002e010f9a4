import { DateTime } from 'luxon';
import type { Outcome } from '../availability/availability-schema.ts';

/**
 * The days an organizer export covers, read from what follows `/mock admin export`: nothing (the
 * last 30 days), `last 90 days`, one date (from that day through today) or two (`2026-11-01
 * 2026-11-30`, also written with `to` or `..` between). Days are UTC days, both ends included, so
 * the file says the same whoever runs it; sessions are placed by their start time.
 */
export interface ExportRange {
  /** The first day's start, UTC, inclusive. */
  from: number;
  /** The day after the last day, UTC, exclusive. */
  to: number;
  /** The first and last day as YYYY-MM-DD, for file names and messages. */
  firstDay: string;
  lastDay: string;
}

export const DEFAULT_EXPORT_DAYS = 30;
/** A year and a day: long enough for an annual review, short enough to keep one file quick to build. */
export const MAX_EXPORT_DAYS = 366;

export const EXPORT_RANGE_EXAMPLES =
  '`/mock admin export` (the last 30 days), `/mock admin export last 90 days`, or `/mock admin export 2026-11-01 2026-11-30` (UTC days, both included)';

const DAY_MS = 24 * 3600 * 1000;
/** Words people put between or before dates, which say nothing the dates do not. */
const SEPARATORS = new Set(['', 'to', 'from', 'until', '-', '–', '—']);
/** How much of a word a message repeats back: enough to recognise it, never a wall of text. */
const ECHO_LENGTH = 30;

export function parseExportRange(text: string, now: number): Outcome<ExportRange> {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/\s*\.\.\s*/g, ' ')
    .split(/\s+/)
    .filter((word) => !SEPARATORS.has(word));
  const today = DateTime.fromMillis(now, { zone: 'utc' }).startOf('day');
  if (words.length === 0) return lastDays(DEFAULT_EXPORT_DAYS, today);

  if (words[0] === 'last') return parseLastDays(words.slice(1), today);

  const days: DateTime[] = [];
  for (const word of words) {
    const day = readDay(word);
    if (!day.ok) return day;
    days.push(day.value);
  }
  if (days.length > 2) {
    return fail(
      `That names ${days.length} dates; give one or two, a first and a last day. Try ${EXPORT_RANGE_EXAMPLES}.`,
    );
  }
  const [first, last = today] = days as [DateTime, DateTime?];
  if (last < first) {
    return fail(
      days.length === 1
        ? `${iso(first)} is after today (${iso(today)}, UTC); give a last day too, e.g. \`/mock admin export ${iso(first)} ${iso(first.plus({ days: 30 }))}\`.`
        : `That range ends (${iso(last)}) before it starts (${iso(first)}); put the earlier day first.`,
    );
  }
  return span(first, last);
}

function parseLastDays(rest: string[], today: DateTime): Outcome<ExportRange> {
  const said = rest.join(' ');
  const match = /^(\d{1,6}) ?(d|days?)?$/.exec(said);
  if (said === '')
    return fail('`last` needs a number of days after it, like `/mock admin export last 90 days`.');
  if (!match) {
    return fail(
      `Mockingbird reads \`last\` followed by a number of days, like \`/mock admin export last 90 days\`, and did not understand “${echo(said)}”.`,
    );
  }
  const days = Number(match[1]);
  if (days === 0) return fail(`\`last 0 days\` covers no days; give a number from 1 to ${MAX_EXPORT_DAYS}.`);
  return lastDays(days, today);
}

function lastDays(days: number, today: DateTime): Outcome<ExportRange> {
  return span(today.minus({ days: days - 1 }), today);
}

function span(first: DateTime, last: DateTime): Outcome<ExportRange> {
  const days = Math.round(last.diff(first, 'days').days) + 1;
  if (days > MAX_EXPORT_DAYS) {
    return fail(
      `That is ${days} days; an export covers at most ${MAX_EXPORT_DAYS}. Split it into shorter ranges, e.g. one per quarter.`,
    );
  }
  return {
    ok: true,
    value: { from: first.toMillis(), to: last.toMillis() + DAY_MS, firstDay: iso(first), lastDay: iso(last) },
  };
}

function readDay(word: string): Outcome<DateTime> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(word)) {
    return fail(
      `Mockingbird could not read “${echo(word)}” as a day: write days as YYYY-MM-DD, e.g. 2026-11-01. Try ${EXPORT_RANGE_EXAMPLES}.`,
    );
  }
  const day = DateTime.fromISO(word, { zone: 'utc' });
  if (!day.isValid) return fail(`${word} is not a day on the calendar; check the month and the day.`);
  return { ok: true, value: day };
}

function iso(day: DateTime): string {
  return day.toISODate() ?? '';
}

function echo(word: string): string {
  return word.length > ECHO_LENGTH ? `${word.slice(0, ECHO_LENGTH)}…` : word;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
