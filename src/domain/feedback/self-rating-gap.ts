import { mean } from './dimension-trends.ts';
import type { Ratings } from './feedback-rules.ts';

/**
 * How a member's private self-ratings compare with what partners gave them, per dimension. A
 * positive gap means the member rates themselves higher than partners do: the blind spot worth
 * knowing about before a real panel.
 */

export interface SessionRatings {
  /** When the session started (ms). */
  at: number;
  interviewType: string;
  /** The member's own scores for themselves in that session (may be empty). */
  self: Ratings;
  /** The partner's scores for the member in the same session (may be empty). */
  partner: Ratings;
}

export interface DimensionGap {
  interviewType: string;
  dimension: string;
  /** Sessions in which both a self-rating and a partner rating exist. */
  count: number;
  selfAverage: number;
  partnerAverage: number;
  /** selfAverage − partnerAverage. */
  gap: number;
  /** The gap over the latest `recentCount` paired sessions only: is it closing? */
  recentGap: number;
}

export function selfRatingGaps(sessions: readonly SessionRatings[], recentCount = 3): DimensionGap[] {
  const sorted = [...sessions].sort((a, b) => a.at - b.at);
  const pairs = new Map<
    string,
    { interviewType: string; dimension: string; self: number[]; partner: number[] }
  >();
  for (const session of sorted) {
    for (const [dimension, self] of Object.entries(session.self)) {
      const partner = session.partner[dimension];
      if (partner === undefined) continue;
      const key = `${session.interviewType}\u0000${dimension}`;
      const entry = pairs.get(key) ?? {
        interviewType: session.interviewType,
        dimension,
        self: [],
        partner: [],
      };
      entry.self.push(self);
      entry.partner.push(partner);
      pairs.set(key, entry);
    }
  }
  return [...pairs.values()].map(({ interviewType, dimension, self, partner }) => {
    const selfAverage = mean(self);
    const partnerAverage = mean(partner);
    return {
      interviewType,
      dimension,
      count: self.length,
      selfAverage,
      partnerAverage,
      gap: selfAverage - partnerAverage,
      recentGap: mean(self.slice(-recentCount)) - mean(partner.slice(-recentCount)),
    };
  });
}
