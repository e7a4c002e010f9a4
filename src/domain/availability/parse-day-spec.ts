import { DateTime } from 'luxon';
import type { Outcome } from './availability-schema.ts';
import { textMessages } from './text-messages.ts';
import { WEEKDAYS, WEEKEND_DAYS, type Weekday, WORKING_DAYS } from './weekdays.ts';

/**
 * Reads the "when" word of a quick-path window: weekdays (`mon,wed`, `mon-fri`, `weekends`,
 * `tuesdays`) or a date (`today`, `tomorrow`, `2026-05-01`). Relative words need the member's
 * today, which the caller works out in the member's zone.
 */

export type DaySpec = { kind: 'weekly'; days: Weekday[] } | { kind: 'date'; date: string };

const DAY_GROUPS: Readonly<Record<string, readonly Weekday[]>> = {
  weekdays: WORKING_DAYS,
  weekday: WORKING_DAYS,
  workdays: WORKING_DAYS,
  weekends: WEEKEND_DAYS,
  weekend: WEEKEND_DAYS,
  daily: WEEKDAYS,
  everyday: WEEKDAYS,
};

const DAY_NAMES: Readonly<Record<string, Weekday>> = Object.fromEntries(
  (
    [
      ['mon', 'monday', ['mo']],
      ['tue', 'tuesday', ['tu', 'tues']],
      ['wed', 'wednesday', ['we', 'weds']],
      ['thu', 'thursday', ['th', 'thur', 'thurs']],
      ['fri', 'friday', ['fr']],
      ['sat', 'saturday', ['sa']],
      ['sun', 'sunday', ['su']],
    ] as const
  ).flatMap(([day, fullName, aliases]) =>
    // "mondays" reads as naturally as "monday" for a weekly window.
    [day, fullName, `${fullName}s`, ...aliases].map((name) => [name, day]),
  ),
);

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  today: 0,
  tonight: 0,
  tomorrow: 1,
  tmrw: 1,
  tmr: 1,
};

/** Weekdays from `fri-mon` run through the weekend, as a member would mean them. */
function dayRange(from: Weekday, to: Weekday): Weekday[] {
  const days: Weekday[] = [];
  for (let index = WEEKDAYS.indexOf(from); ; index = (index + 1) % WEEKDAYS.length) {
    const day = WEEKDAYS[index]!;
    days.push(day);
    if (day === to) return days;
  }
}

function readWeekdays(part: string): Weekday[] | null {
  const group = DAY_GROUPS[part];
  if (group) return [...group];
  const single = DAY_NAMES[part];
  if (single) return [single];
  const [from, to, ...rest] = part.split('-');
  const first = from === undefined ? undefined : DAY_NAMES[from];
  const last = to === undefined ? undefined : DAY_NAMES[to];
  return first && last && rest.length === 0 ? dayRange(first, last) : null;
}

/** `2026-05-01`, and also `2026-5-1`, which deserves a "write it as" reply rather than "unknown day". */
export function looksLikeDate(word: string): boolean {
  return /^\d{4}-\d+-/.test(word);
}

/** `today` is the member's local date ('YYYY-MM-DD'). */
export function parseDaySpec(word: string, today: string): Outcome<DaySpec> {
  const offset = RELATIVE_DAYS[word];
  if (offset !== undefined) {
    const date = DateTime.fromISO(today, { zone: 'utc' }).plus({ days: offset }).toISODate()!;
    return { ok: true, value: { kind: 'date', date } };
  }
  if (looksLikeDate(word)) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(word) && DateTime.fromISO(word, { zone: 'utc' }).isValid;
    return valid
      ? { ok: true, value: { kind: 'date', date: word } }
      : { ok: false, message: textMessages.badDate(word) };
  }
  const days = new Set<Weekday>();
  for (const part of word.split(/[,/]/).filter(Boolean)) {
    const found = readWeekdays(part);
    if (!found) return { ok: false, message: textMessages.unknownDay(part) };
    for (const day of found) days.add(day);
  }
  if (days.size === 0) return { ok: false, message: textMessages.unknownDay(word) };
  return { ok: true, value: { kind: 'weekly', days: WEEKDAYS.filter((day) => days.has(day)) } };
}
