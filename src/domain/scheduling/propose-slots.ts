import { intersectIntervals, normaliseIntervals, roundUpToStep } from '../matching/common-slots.ts';
import type { Interval } from '../matching/types.ts';

/**
 * The times the intro offers a matched pair: the best common slot and up to three alternatives.
 * A pair that is shown one time and cannot make it tends to fizzle, so alternatives are spread
 * over different days rather than being the next quarter hour of the same evening.
 */

export interface SlotRules {
  now: number;
  /** Length of the session. */
  lengthMs: number;
  /** Starts sit on this grid (a quarter hour reads better than 18:05). */
  stepMs: number;
  /** Time both need to confirm before the first proposal; an earlier slot would start unconfirmed. */
  minLeadMs: number;
  /** Best slot plus alternatives. */
  count: number;
}

const HOUR_MS = 3_600_000;
/** Starts this far apart count as different days (an evening window shifts a little with DST). */
const OTHER_DAY_MS = 20 * HOUR_MS;
/** When days run out, alternatives on the same day start at least this much apart. */
const SAME_DAY_GAP_MS = HOUR_MS;

/** Common slots for two members' UTC availabilities, best first. */
export function proposeSlots(a: readonly Interval[], b: readonly Interval[], rules: SlotRules): Interval[] {
  const from = rules.now + rules.minLeadMs;
  const common = intersectIntervals(
    normaliseIntervals(a, from, Number.MAX_SAFE_INTEGER),
    normaliseIntervals(b, from, Number.MAX_SAFE_INTEGER),
  );
  const starts: number[] = [];
  for (const interval of common) {
    const first = roundUpToStep(interval.start, rules.stepMs);
    if (first + rules.lengthMs <= interval.end) starts.push(first);
  }
  const picked: number[] = [];
  // First pass: the earliest start of each common window, on days not yet used (24 h apart).
  for (const start of starts) {
    if (picked.length === rules.count) break;
    if (picked.every((other) => Math.abs(start - other) >= OTHER_DAY_MS)) picked.push(start);
  }
  // Second pass, when there are fewer distinct days than slots: later starts within the windows.
  for (const interval of common) {
    for (
      let start = roundUpToStep(interval.start, rules.stepMs);
      start + rules.lengthMs <= interval.end && picked.length < rules.count;
      start += rules.stepMs
    ) {
      if (picked.every((other) => Math.abs(start - other) >= SAME_DAY_GAP_MS)) picked.push(start);
    }
  }
  const best = picked[0];
  const alternatives = picked.slice(1).sort((x, y) => x - y);
  return (best === undefined ? [] : [best, ...alternatives]).map((start) => ({
    start,
    end: start + rules.lengthMs,
  }));
}
