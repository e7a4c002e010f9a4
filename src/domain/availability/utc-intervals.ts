/** Half-open interval [start, end) in UTC epoch milliseconds, the form matching works with. */
export interface UtcInterval {
  start: number;
  end: number;
}

/**
 * Clips to [from, to), drops empty pieces, sorts, and merges overlapping or touching intervals, so
 * a weekly window and a specific slot on the same evening become one stretch of free time.
 */
export function mergeIntervals(intervals: readonly UtcInterval[], from: number, to: number): UtcInterval[] {
  const clipped = intervals
    .map((interval) => ({ start: Math.max(interval.start, from), end: Math.min(interval.end, to) }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: UtcInterval[] = [];
  for (const interval of clipped) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push(interval);
  }
  return merged;
}
