import type { Availability } from './availability-schema.ts';
import { minuteOfDay } from './local-time.ts';
import { zoneOf } from './time-zone.ts';
import { mergeIntervals, type UtcInterval } from './utc-intervals.ts';
import {
  DAY_MS,
  epochDayOfIsoDate,
  localDayAt,
  MINUTE_MS,
  type WallClock,
  wallClock,
  weekdayIndexOfDay,
} from './wall-clock.ts';
import { WEEKDAYS } from './weekdays.ts';

/** Requests expire after days, not months; a bound also keeps a typo from expanding for ever. */
export const MAX_HORIZON_DAYS = 60;
/** Matches the default request expiry: availability beyond it would never be used. */
export const DEFAULT_HORIZON_DAYS = 7;

export interface ExpandOptions {
  /** The clock, in epoch milliseconds. */
  now: number;
  /** How far ahead to expand, in 24-hour periods of real time from `now`. */
  horizonDays: number;
}

/**
 * The member's free time as UTC intervals within [now, now + horizon): sorted, disjoint and
 * non-empty. DST is handled by the wall-clock rule in wall-clock.ts. A window belongs to the day it
 * starts on, so "fri 22:00–01:00" runs from Friday evening into Saturday.
 *
 * Throws UnknownTimeZoneError for an unknown zone: which zone to use instead is the caller's call.
 */
export function expandAvailability(
  availability: Availability,
  timeZone: string,
  { now, horizonDays }: ExpandOptions,
): UtcInterval[] {
  if (!(horizonDays > 0 && horizonDays <= MAX_HORIZON_DAYS)) {
    throw new RangeError(`horizonDays must be in (0, ${MAX_HORIZON_DAYS}], got ${horizonDays}`);
  }
  const zone = zoneOf(timeZone);
  const until = now + horizonDays * DAY_MS;
  const instantOf = wallClock(zone);
  const intervals: UtcInterval[] = [];

  // Starting a day early catches last night's window that runs past midnight into today.
  const firstDay = localDayAt(zone, now) - 1;
  const lastDay = localDayAt(zone, until);
  for (const window of availability.weekly) {
    const days = new Set(window.days);
    for (let day = firstDay; day <= lastDay; day++) {
      if (!days.has(WEEKDAYS[weekdayIndexOfDay(day)]!)) continue;
      const interval = windowOn(instantOf, day, window.start, window.end);
      if (interval) intervals.push(interval);
    }
  }
  for (const slot of availability.slots) {
    const interval = windowOn(instantOf, epochDayOfIsoDate(slot.date), slot.start, slot.end);
    if (interval) intervals.push(interval);
  }
  if (availability.now) {
    const since = availability.now.since ?? now;
    intervals.push({ start: since, end: since + availability.now.forMinutes * MINUTE_MS });
  }

  return mergeIntervals(intervals, now, until);
}

/**
 * One occurrence of a window. An end before the start is on the next day; an equal end is empty
 * (validation rejects it, but stored data predating a rule change must not become a 24-hour
 * window). On a spring-forward day both ends may fall on the same instant; the merge drops it.
 */
function windowOn(instantOf: WallClock, day: number, start: string, end: string): UtcInterval | null {
  const from = minuteOfDay(start);
  const to = minuteOfDay(end);
  if (from === to) return null;
  return { start: instantOf(day, from), end: instantOf(to < from ? day + 1 : day, to) };
}
