import type { MatchingConfig } from '../domain/matching/config.ts';
import type { PlannedSession, PlanRules, StoredRequest } from '../domain/matching/plan-sessions.ts';
import type { MatchPoolOptions, PoolMatching } from '../domain/matching/solve-pool.ts';
import type { MatchingContext, OpenRequest } from '../domain/matching/types.ts';

/** What crosses into a matching thread: plain data, copied by structured clone. */
export interface PoolToSolve {
  requests: OpenRequest[];
  context: MatchingContext;
  config: MatchingConfig;
  now: number;
  options?: MatchPoolOptions;
}

/**
 * A sweep as the match-pool job reads it: requests still in the members' own words and zones.
 * Expanding them (about 60 µs a request) and planning the sessions are pure CPU work too, so the
 * thread does them along with the solve.
 */
export interface SweepToPlan {
  requests: StoredRequest[];
  context: MatchingContext;
  config: MatchingConfig;
  plan: PlanRules;
}

export interface PlannedSweep {
  /** The requests as the engine saw them (expanded to UTC), for the run's replayable input. */
  requests: OpenRequest[];
  matching: PoolMatching;
  sessions: PlannedSession[];
}

export type SolveRequest =
  | ({ id: number; kind: 'solve' } & PoolToSolve)
  | ({ id: number; kind: 'plan' } & SweepToPlan);

export type SolveReply =
  | { id: number; matching: PoolMatching; threadId: number }
  | { id: number; sweep: PlannedSweep; threadId: number }
  | { id: number; error: string; threadId: number };
