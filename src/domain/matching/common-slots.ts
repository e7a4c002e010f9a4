import type { Interval } from './types.ts';

export const MINUTE_MS = 60_000;

/**
 * Sorts, merges and clips a member's availability to [from, to). Requests arrive from another
 * module and may overlap (a weekly window plus a specific slot on the same evening); every other
 * function here relies on the normalised form: sorted, disjoint, non-empty.
 */
export function normaliseIntervals(intervals: readonly Interval[], from: number, to: number): Interval[] {
  const clipped = intervals
    .map((interval) => ({ start: Math.max(interval.start, from), end: Math.min(interval.end, to) }))
    .filter((interval) => interval.end > interval.start)
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: Interval[] = [];
  for (const interval of clipped) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Intersection of two normalised interval lists (the result is normalised too). */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const common: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) common.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return common;
}

/** Start times are rounded up to an epoch-aligned grid so a proposal never reads "18:07:33". */
export function roundUpToStep(time: number, stepMs: number): number {
  return Math.ceil(time / stepMs) * stepMs;
}

/** Whether a session of `lengthMs` fits into [start, end) once its start is rounded to the grid. */
function slotStartIn(start: number, end: number, lengthMs: number, stepMs: number): number {
  const slotStart = roundUpToStep(start, stepMs);
  return slotStart + lengthMs <= end ? slotStart : -1;
}

/** The earliest grid-aligned slot of the given length inside a normalised interval list. */
export function earliestSlot(
  intervals: readonly Interval[],
  lengthMs: number,
  stepMs: number,
): Interval | null {
  for (const interval of intervals) {
    const start = slotStartIn(interval.start, interval.end, lengthMs, stepMs);
    if (start >= 0) return { start, end: start + lengthMs };
  }
  return null;
}

/**
 * Normalised availability packed as [start0, end0, start1, end1, …] in one Float64Array. The
 * candidate search intersects these millions of times; as objects with epoch-millisecond fields
 * the same loop runs several times slower.
 */
export type PackedIntervals = Float64Array;

export function packIntervals(intervals: readonly Interval[]): PackedIntervals {
  const packed = new Float64Array(intervals.length * 2);
  intervals.forEach((interval, k) => {
    packed[2 * k] = interval.start;
    packed[2 * k + 1] = interval.end;
  });
  return packed;
}

export interface SharedAvailability {
  /** Start of the earliest common slot of the session length, or -1 when there is none. */
  earliestStart: number;
  /**
   * Minutes of common availability in pieces long enough to hold a session. Shorter pieces are
   * left out: they are no use as alternatives to the proposed time.
   */
  usableMinutes: number;
}

/** Both facts the matcher needs about two members' common time, in one allocation-free pass. */
export function measureSharedAvailability(
  a: PackedIntervals,
  b: PackedIntervals,
  lengthMs: number,
  stepMs: number,
): SharedAvailability {
  let earliestStart = -1;
  let usableMs = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aEnd = a[i + 1]!;
    const bEnd = b[j + 1]!;
    const start = Math.max(a[i]!, b[j]!);
    const end = Math.min(aEnd, bEnd);
    if (end - start >= lengthMs) {
      const slotStart = slotStartIn(start, end, lengthMs, stepMs);
      if (slotStart >= 0) {
        if (earliestStart < 0) earliestStart = slotStart;
        usableMs += end - start;
      }
    }
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return { earliestStart, usableMinutes: usableMs / MINUTE_MS };
}

/**
 * `measureSharedAvailability(...).usableMinutes`, or −1 when no session fits: the same rule for
 * the candidate search's hot loop, over ranges of one large packed array so that a 10,000-request
 * pool's availability sits together in memory.
 */
export function usableSharedMinutes(
  packed: PackedIntervals,
  aFrom: number,
  aTo: number,
  bFrom: number,
  bTo: number,
  lengthMs: number,
  stepMs: number,
): number {
  let fits = false;
  let usableMs = 0;
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    const aEnd = packed[i + 1]!;
    const bEnd = packed[j + 1]!;
    const start = Math.max(packed[i]!, packed[j]!);
    const end = Math.min(aEnd, bEnd);
    if (end - start >= lengthMs && slotStartIn(start, end, lengthMs, stepMs) >= 0) {
      fits = true;
      usableMs += end - start;
    }
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return fits ? usableMs / MINUTE_MS : -1;
}

export function totalMinutes(packed: PackedIntervals): number {
  let total = 0;
  for (let k = 0; k < packed.length; k += 2) total += packed[k + 1]! - packed[k]!;
  return total / MINUTE_MS;
}
