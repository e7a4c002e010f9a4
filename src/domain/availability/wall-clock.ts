import { DateTime, type IANAZone } from 'luxon';

/**
 * Turning a member's wall-clock time into a UTC instant. A local day is numbered like epoch days
 * (day 0 is 1970-01-01 on the member's calendar), and a time of day is a minute 0..1440.
 *
 * One rule covers every DST case: a wall-clock time means the FIRST instant at which the member's
 * clock shows that time or a later one on that day.
 * - Spring forward (the clock jumps 02:00 → 03:00 in New York): 02:30 never shows, so it means
 *   the instant of the jump, when the clock first reads past 02:30 (03:00 EDT). A window starting
 *   in the skipped hour starts at the first valid instant; one lying wholly inside it is empty.
 * - Fall back (the clock shows 01:00–02:00 twice): 01:30 means its first occurrence (EDT), so a
 *   window starts as soon as the member's clock says so and nobody waits an extra hour.
 * - Both ends of a window follow the same rule independently, so its length is the wall-clock span
 *   as lived: 01:00–03:00 on fall-back day is three real hours, 01:00–03:00 on spring-forward day
 *   one real hour.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Every real offset lies within UTC−12 … UTC+14, so a local day's instants lie within this margin
 * of the same day read as UTC.
 */
const OFFSET_MARGIN_MS = 14 * 60 * MINUTE_MS;

/** The member's calendar day (epoch-day number) at an instant. */
export function localDayAt(zone: IANAZone, instant: number): number {
  return Math.floor((instant + zone.offset(instant) * MINUTE_MS) / DAY_MS);
}

/** The epoch-day number of a 'YYYY-MM-DD' date on the member's calendar. */
export function epochDayOfIsoDate(isoDate: string): number {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return Math.round(date.toMillis() / DAY_MS);
}

/** Monday 0 … Sunday 6 for an epoch-day number (day 0, 1970-01-01, was a Thursday). */
export function weekdayIndexOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Converts (local day, minute of day) to a UTC instant, remembering each ordinary day's offset. */
export type WallClock = (day: number, minute: number) => number;

/**
 * Per zone: the steady offset of each local day (null marks a day near an offset change), and the
 * instants already resolved on such days. Shared between calls because a matching sweep expands
 * thousands of requests over the same few days, and each luxon offset lookup costs microseconds
 * (Intl formatToParts). The values depend only on the tz data, so sharing keeps the functions pure.
 */
interface ZoneCache {
  steadyOffsets: Map<number, number | null>;
  nearChange: Map<number, number>;
}
const cacheByZone = new Map<string, ZoneCache>();
/** Per map and zone: about three years of days, far beyond any horizon, yet bounded. */
const MAX_CACHED_ENTRIES = 1000;

function cacheOf(zone: IANAZone): ZoneCache {
  let cache = cacheByZone.get(zone.name);
  if (!cache || cache.steadyOffsets.size > MAX_CACHED_ENTRIES || cache.nearChange.size > MAX_CACHED_ENTRIES) {
    cache = { steadyOffsets: new Map(), nearChange: new Map() };
    cacheByZone.set(zone.name, cache);
  }
  return cache;
}

export function wallClock(zone: IANAZone): WallClock {
  const { steadyOffsets, nearChange } = cacheOf(zone);

  function steadyOffsetOn(day: number): number | null {
    let offset = steadyOffsets.get(day);
    if (offset === undefined) {
      // Offsets change at most twice a year, so equal offsets on both sides of the day mean none
      // changes during it.
      const before = zone.offset(day * DAY_MS - OFFSET_MARGIN_MS);
      const after = zone.offset((day + 1) * DAY_MS + OFFSET_MARGIN_MS);
      offset = before === after ? before : null;
      steadyOffsets.set(day, offset);
    }
    return offset;
  }

  return (day, minute) => {
    const wall = day * DAY_MS + minute * MINUTE_MS;
    // 24:00 belongs to the next day, whose offset may differ.
    const offset = steadyOffsetOn(Math.floor(wall / DAY_MS));
    if (offset !== null) return wall - offset * MINUTE_MS;
    let instant = nearChange.get(wall);
    if (instant === undefined) {
      instant = firstInstantShowing(zone, wall);
      nearChange.set(wall, instant);
    }
    return instant;
  };
}

/**
 * The first instant at which the zone's clock shows `wall` (local time encoded as if UTC) or later;
 * used only near an offset change.
 */
function firstInstantShowing(zone: IANAZone, wall: number): number {
  const offsets = [zone.offset(wall - DAY_MS), zone.offset(wall), zone.offset(wall + DAY_MS)];
  let first = Number.POSITIVE_INFINITY;
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE_MS;
    if (zone.offset(instant) === offset && instant < first) first = instant;
  }
  if (first !== Number.POSITIVE_INFINITY) return first;
  // No offset produces this wall time: it lies in a gap. The clock first shows a later time at the
  // moment of the jump, which lies between the wall time read with the new and the old offset.
  let before = wall - Math.max(...offsets) * MINUTE_MS;
  let after = wall - Math.min(...offsets) * MINUTE_MS;
  const offsetBefore = zone.offset(before);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (zone.offset(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}
