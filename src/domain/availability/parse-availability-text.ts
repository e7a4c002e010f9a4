import { DateTime } from 'luxon';
import {
  type Availability,
  DEFAULT_NOW_MINUTES,
  MAX_NOW_MINUTES,
  MIN_NOW_MINUTES,
  type Outcome,
  type SpecificSlot,
  validateAvailability,
  type WeeklyWindow,
} from './availability-schema.ts';
import { DEFAULT_HORIZON_DAYS } from './expand-availability.ts';
import { minuteOfDay } from './local-time.ts';
import { type DaySpec, parseDaySpec } from './parse-day-spec.ts';
import { looksLikeTimeRange, parseTimeRange, type TimeRange } from './parse-time-range.ts';
import { MAX_TEXT_LENGTH, textMessages } from './text-messages.ts';
import { zoneOf } from './time-zone.ts';
import { DAY_MS, epochDayOfIsoDate, wallClock } from './wall-clock.ts';
import { sortWeekdays } from './weekdays.ts';

/**
 * The quick path's availability language: one or more clauses of day words followed by hours,
 * and/or `now [minutes]`. `weekdays 18:00-21:00`, `mon wed 19-21:30 sat 10-12`, `tomorrow 9-11`,
 * `now 90`. Dates are resolved against the member's calendar when the text is typed, so
 * "tomorrow" keeps meaning the day they meant even if matching runs after midnight.
 */

export interface TextContext {
  now: number;
  /** The member's zone, already validated; it decides what "today" is. */
  timeZone: string;
  /** Dates further ahead are refused, because the request expires before then. */
  horizonDays?: number;
}

/** Words that read naturally in a sentence but carry no meaning here. */
const FILLER = new Set(['and', '&', 'on', 'from', 'at', 'every', 'for', 'between']);
const NOW_UNITS = new Set(['m', 'min', 'mins', 'minute', 'minutes']);
const NOW_AMOUNT = /^(\d+)(m|min|mins|minutes|h|hr|hrs|hour|hours)?$/;

function tokenise(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/every\s+day/g, 'daily')
    .replace(/(\d)\s+(am|pm|a\.m\.|p\.m\.)/g, '$1$2')
    .replace(/a\.m\./g, 'am')
    .replace(/p\.m\./g, 'pm')
    .replace(/(\d|am|pm|h)\s+(?:to|until|till)\s+(\d)/g, '$1-$2')
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s;]+/)
    .map((word) => word.replace(/^,+|,+$/g, ''))
    .filter((word) => word !== '' && !FILLER.has(word));
}

interface Clause {
  /** The member's own words for this clause, for error messages. */
  dayWords: string[];
  days: DaySpec[];
  ranges: Array<{ word: string; range: TimeRange }>;
}

export function parseAvailabilityText(text: string, context: TextContext): Outcome<Availability> {
  if (text.length > MAX_TEXT_LENGTH) return { ok: false, message: textMessages.tooLong() };
  const words = tokenise(text);
  if (words.length === 0) return { ok: false, message: textMessages.empty() };

  const today = DateTime.fromMillis(context.now, { zone: zoneOf(context.timeZone) }).toISODate()!;
  const clauses: Clause[] = [];
  let nowMinutes: number | undefined;

  let index = 0;
  while (index < words.length) {
    const word = words[index]!;
    if (word === 'now') {
      if (nowMinutes !== undefined) return { ok: false, message: textMessages.nowTwice() };
      const amount = words[index + 1];
      if (amount === undefined || !/^\d/.test(amount)) {
        nowMinutes = DEFAULT_NOW_MINUTES;
        index += 1;
        continue;
      }
      const minutes = readNowMinutes(amount);
      if (minutes === null) return { ok: false, message: textMessages.nowMinutes(amount) };
      nowMinutes = minutes;
      index += NOW_UNITS.has(words[index + 2] ?? '') ? 3 : 2;
      continue;
    }
    if (looksLikeTimeRange(word)) return { ok: false, message: textMessages.timesWithoutDays(word) };

    const clause: Clause = { dayWords: [], days: [], ranges: [] };
    while (index < words.length && words[index] !== 'now' && !looksLikeTimeRange(words[index]!)) {
      const dayWord = words[index]!;
      const day = parseDaySpec(dayWord, today);
      if (!day.ok) return day;
      clause.dayWords.push(dayWord);
      clause.days.push(day.value);
      index += 1;
    }
    while (index < words.length && looksLikeTimeRange(words[index]!)) {
      const rangeWord = words[index]!;
      const range = parseTimeRange(rangeWord);
      if (!range.ok) return range;
      clause.ranges.push({ word: rangeWord, range: range.value });
      index += 1;
    }
    if (clause.ranges.length === 0)
      return { ok: false, message: textMessages.missingTimes(clause.dayWords.join(' ')) };
    clauses.push(clause);
  }

  const slots = collectSlots(clauses);
  const problem = checkSlotsInReach(slots, context);
  if (problem) return { ok: false, message: problem };
  return validateAvailability({
    weekly: collectWeekly(clauses),
    slots: slots.map(({ slot }) => slot),
    ...(nowMinutes === undefined ? {} : { now: { now: true, since: context.now, forMinutes: nowMinutes } }),
  });
}

function readNowMinutes(word: string): number | null {
  const match = NOW_AMOUNT.exec(word);
  if (!match) return null;
  const minutes = Number(match[1]) * (match[2]?.startsWith('h') ? 60 : 1);
  return minutes >= MIN_NOW_MINUTES && minutes <= MAX_NOW_MINUTES ? minutes : null;
}

/** Windows with the same hours become one, so `mon 18-21 wed 18-21` is stored as `mon,wed 18-21`. */
function collectWeekly(clauses: readonly Clause[]): WeeklyWindow[] {
  const byHours = new Map<string, WeeklyWindow>();
  for (const clause of clauses) {
    for (const day of clause.days) {
      if (day.kind !== 'weekly') continue;
      for (const { range } of clause.ranges) {
        const key = `${range.start}-${range.end}`;
        const window = byHours.get(key) ?? { days: [], start: range.start, end: range.end };
        window.days.push(...day.days.filter((weekday) => !window.days.includes(weekday)));
        byHours.set(key, window);
      }
    }
  }
  return [...byHours.values()].map((window) => ({ ...window, days: sortWeekdays(window.days) }));
}

function collectSlots(clauses: readonly Clause[]): Array<{ slot: SpecificSlot; words: string }> {
  const slots = new Map<string, { slot: SpecificSlot; words: string }>();
  for (const clause of clauses) {
    clause.days.forEach((day, position) => {
      if (day.kind !== 'date') return;
      for (const { word, range } of clause.ranges) {
        const slot = { date: day.date, start: range.start, end: range.end };
        slots.set(`${slot.date} ${word}`, { slot, words: `${clause.dayWords[position]} ${word}` });
      }
    });
  }
  return [...slots.values()];
}

/** A slot that has ended, or starts after the request would expire, is surely a typo. */
function checkSlotsInReach(
  slots: ReadonlyArray<{ slot: SpecificSlot; words: string }>,
  context: TextContext,
): string | null {
  const horizonDays = context.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const instantOf = wallClock(zoneOf(context.timeZone));
  for (const { slot, words } of slots) {
    const day = epochDayOfIsoDate(slot.date);
    const start = minuteOfDay(slot.start);
    const end = minuteOfDay(slot.end);
    if (instantOf(end < start ? day + 1 : day, end) <= context.now) return textMessages.alreadyOver(words);
    if (instantOf(day, start) >= context.now + horizonDays * DAY_MS) {
      return textMessages.tooFarAhead(words, horizonDays);
    }
  }
  return null;
}
