import type { HireSignal } from './feedback-rules.ts';

/**
 * What organizers see about their community: counts turned into rates, with nothing that names
 * a member. A rate with nothing to divide by is null ("no data yet"), never 0%.
 */

export interface CommunityCounts {
  members: number;
  /** Members with a completed session in the period. */
  activeMembers: number;
  sessionsThisWeek: number;
  /** Requests that ended in the period, and how many of those ended in a match. */
  requestsClosed: number;
  requestsMatched: number;
  /** Participants of completed sessions in the period, and how many were reported absent. */
  attendances: number;
  noShows: number;
  dailyQuestionsPosted: number;
  feedbackGiven: number;
  hireSignals: Partial<Record<HireSignal, number>>;
  notesToOrganizers: number;
}

export interface CommunitySummary extends CommunityCounts {
  matchRate: number | null;
  noShowRate: number | null;
  /** Share of feedback with a yes or strong yes. */
  hireRate: number | null;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function communitySummary(counts: CommunityCounts): CommunitySummary {
  const yes = (counts.hireSignals.YES ?? 0) + (counts.hireSignals.STRONG_YES ?? 0);
  const signals = Object.values(counts.hireSignals).reduce((sum, count) => sum + (count ?? 0), 0);
  return {
    ...counts,
    matchRate: ratio(counts.requestsMatched, counts.requestsClosed),
    noShowRate: ratio(counts.noShows, counts.attendances),
    hireRate: ratio(yes, signals),
  };
}
