import type { ReceivedRatings } from './dimension-trends.ts';

/**
 * A member's scores per rubric dimension, session by session: what the trend chart draws. One
 * history per interview type (each has its own rubric, so its own dimensions), over the type's
 * latest sessions with feedback, oldest first.
 *
 * A dimension the interviewer marked "not covered" is a gap (null) in that session, not a zero:
 * the line breaks instead of diving. A dimension with no score at all in the window is left out.
 */

export interface ScoreHistory {
  interviewType: string;
  /** When each session started (ms), oldest first. */
  sessions: number[];
  /** Rubric order first; dimensions the rubric no longer names follow in the order first seen. */
  dimensions: Array<{ dimension: string; scores: Array<number | null> }>;
}

export function scoreHistories(
  received: readonly ReceivedRatings[],
  options: {
    dimensionOrder?: Record<string, readonly string[]>;
    renamed?: Record<string, Record<string, string>>;
    /** Sessions per history: the latest ones (default 8). */
    sessions?: number;
    /** Histories at most: the types with the most recent feedback first (default 3). */
    types?: number;
  } = {},
): ScoreHistory[] {
  const sessionCount = options.sessions ?? 8;
  const byType = new Map<string, ReceivedRatings[]>();
  for (const feedback of [...received].sort((a, b) => a.at - b.at)) {
    byType.set(feedback.interviewType, [...(byType.get(feedback.interviewType) ?? []), feedback]);
  }
  const latestFirst = [...byType].sort(([, a], [, b]) => b.at(-1)!.at - a.at(-1)!.at);
  return latestFirst.slice(0, options.types ?? 3).map(([interviewType, all]) => {
    const window = all.slice(-sessionCount);
    const renamed = options.renamed?.[interviewType] ?? {};
    const rows = window.map((feedback) => {
      const scores = new Map<string, number>();
      for (const [given, score] of Object.entries(feedback.ratings))
        scores.set(renamed[given] ?? given, score);
      return scores;
    });
    const seen = [...new Set(rows.flatMap((scores) => [...scores.keys()]))];
    const order = options.dimensionOrder?.[interviewType] ?? [];
    const rank = (dimension: string) => {
      const index = order.indexOf(dimension);
      return index === -1 ? order.length : index;
    };
    // Stable sort: rubric order, then unknown dimensions in the order first seen.
    const dimensions = seen.sort((a, b) => rank(a) - rank(b));
    return {
      interviewType,
      sessions: window.map((feedback) => feedback.at),
      dimensions: dimensions.map((dimension) => ({
        dimension,
        scores: rows.map((scores) => scores.get(dimension) ?? null),
      })),
    };
  });
}
