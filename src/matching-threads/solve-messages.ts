import type { MatchingConfig } from '../domain/matching/config.ts';
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

export interface SolveRequest extends PoolToSolve {
  id: number;
}

export type SolveReply =
  | { id: number; matching: PoolMatching; threadId: number }
  | { id: number; error: string; threadId: number };
