import type { Ratings } from './feedback-rules.ts';

/**
 * A member's feedback received, summarised per rubric dimension: the average, the latest scores
 * and whether they are rising. Pure and order-independent: sessions are sorted by time here.
 *
 * A dimension the interviewer marked "not covered" is absent from that session's ratings, so it
 * neither counts towards the dimension nor pulls its average down: a concept question that never
 * asked for a system design says nothing about the member's system design.
 */

export interface ReceivedRatings {
  /** When the session started (ms): the order of the trend. */
  at: number;
  interviewType: string;
  ratings: Ratings;
}

export type Trend = 'up' | 'down' | 'steady' | 'new';

export interface DimensionSummary {
  interviewType: string;
  dimension: string;
  count: number;
  average: number;
  /** The last scores, oldest first (at most `recentCount`). */
  recent: number[];
  trend: Trend;
  /** Average of the latest scores minus that of the ones just before them; 0 when new. */
  change: number;
}

/** A change of at least half a point between the two windows counts as a trend. */
const TREND_THRESHOLD = 0.5;

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Compares the latest scores with the ones just before them: up to `window` of each, and never
 * more than half the scores each, so two scores compare the second with the first.
 */
export function scoreTrend(scores: readonly number[], window = 3): { trend: Trend; change: number } {
  const size = Math.min(window, Math.floor(scores.length / 2));
  if (size === 0) return { trend: 'new', change: 0 };
  const latest = scores.slice(-size);
  const before = scores.slice(-2 * size, -size);
  const change = mean(latest) - mean(before);
  if (change >= TREND_THRESHOLD) return { trend: 'up', change };
  if (change <= -TREND_THRESHOLD) return { trend: 'down', change };
  return { trend: 'steady', change };
}

/**
 * One summary per (interview type, dimension) the member was rated on. `dimensionOrder` lists
 * each type's dimension ids in rubric order; dimensions it does not name (a rubric that changed)
 * follow in the order first seen. `renamed` maps, per type, a dimension's former id to its
 * current one (renamedDimensions in the question bank builds it from the rubrics), so scores
 * given before a rename count towards the dimension as it is now called.
 */
export function summariseDimensions(
  received: readonly ReceivedRatings[],
  options: {
    dimensionOrder?: Record<string, readonly string[]>;
    renamed?: Record<string, Record<string, string>>;
    recentCount?: number;
    window?: number;
  } = {},
): DimensionSummary[] {
  const recentCount = options.recentCount ?? 5;
  const sorted = [...received].sort((a, b) => a.at - b.at);
  const scores = new Map<string, { interviewType: string; dimension: string; values: number[] }>();
  for (const feedback of sorted) {
    const renamed = options.renamed?.[feedback.interviewType] ?? {};
    for (const [given, score] of Object.entries(feedback.ratings)) {
      const dimension = renamed[given] ?? given;
      const key = `${feedback.interviewType}\u0000${dimension}`;
      const entry = scores.get(key) ?? { interviewType: feedback.interviewType, dimension, values: [] };
      entry.values.push(score);
      scores.set(key, entry);
    }
  }
  const summaries = [...scores.values()].map(({ interviewType, dimension, values }) => ({
    interviewType,
    dimension,
    count: values.length,
    average: mean(values),
    recent: values.slice(-recentCount),
    ...scoreTrend(values, options.window),
  }));
  const rank = (summary: DimensionSummary) => {
    const order = options.dimensionOrder?.[summary.interviewType] ?? [];
    const index = order.indexOf(summary.dimension);
    return index === -1 ? order.length : index;
  };
  // Stable sort: within a type, rubric order; unknown dimensions keep their first-seen order.
  return summaries.sort((a, b) => (a.interviewType === b.interviewType ? rank(a) - rank(b) : 0));
}

/** The member's weakest dimensions (lowest average, then the most often rated), for focus hints. */
export function weakestDimensions<Summary extends DimensionSummary>(
  summaries: readonly Summary[],
  limit: number,
  minimumCount = 1,
): Summary[] {
  return summaries
    .filter((summary) => summary.count >= minimumCount)
    .sort((a, b) => a.average - b.average || b.count - a.count)
    .slice(0, limit);
}
