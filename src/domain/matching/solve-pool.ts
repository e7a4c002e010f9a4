import { buildCandidateGraph } from './build-candidate-graph.ts';
import { findCompatibility } from './compatibility.ts';
import type { MatchingConfig } from './config.ts';
import { type Component, connectedComponents } from './connected-components.ts';
import { explainMatch, type MatchExplanation } from './explain-match.ts';
import { greedyMatching } from './greedy-matching.ts';
import { fingerprintInput } from './input-fingerprint.ts';
import { localSearchMatching } from './local-search-matching.ts';
import { createMatchingRules, type MatchingRules } from './matching-rules.ts';
import { type EdgeList, maxWeightMatching } from './max-weight-matching.ts';
import { type PairFactors, scorePair } from './score-pair.ts';
import type { Interval, MatchingContext, OpenRequest } from './types.ts';

export interface MatchedPair {
  /** Request ids, a < b. */
  a: string;
  b: string;
  memberA: string;
  memberB: string;
  score: number;
  factors: PairFactors;
  interviewType: string;
  /** The earliest common slot; later common time is in the explanation's overlap. */
  slot: Interval;
  durationMinutes: number;
  /** Request id of the member who interviews first. */
  firstInterviewer: string;
  swapRoles: boolean;
  explanation: MatchExplanation;
}

/**
 * Why a request is left open. `odd-one-out` had compatible partners but a maximum matching could
 * not include it: it should keep priority next time and be told so (README.md, "What it does").
 */
export type UnmatchedReason = 'no-compatible-partner' | 'odd-one-out';

export interface UnmatchedRequest {
  id: string;
  memberId: string;
  reason: UnmatchedReason;
}

export interface PoolSummary {
  /** Digest of (requests, context, config, now): log it with the input to prove a replay. */
  inputFingerprint: string;
  now: number;
  requests: number;
  candidatePairs: number;
  pairsExamined: number;
  pairsVisited: number;
  components: number;
  largestComponent: number;
  pairs: number;
  totalScore: number;
}

export interface PoolMatching {
  pairs: MatchedPair[];
  unmatched: UnmatchedRequest[];
  summary: PoolSummary;
}

export interface MatchPoolOptions {
  /** 'greedy' is the baseline for benchmarks and tests, never for production. */
  solver?: 'blossom' | 'greedy';
  /**
   * Components up to this many requests get the exact blossom method, larger ones the local
   * search (local-search-matching.ts). Benchmarks and tests move it to compare the two.
   */
  exactUpTo?: number;
  /** Overrides config.candidatesPerRequest; Infinity matches on the full compatibility graph. */
  candidatesPerRequest?: number;
}

/**
 * The periodic sweep: pairs as many open requests as the candidate graph allows, and among those
 * pairings the one with the highest total score: exactly on components up to
 * EXACT_COMPONENT_LIMIT requests, by local search (the same pair count, over 99% of the score as
 * measured) on larger ones. Deterministic: requests are ordered by id first, so the same input in
 * any order gives the same pairs, and no randomness is involved.
 */
export function matchPool(
  requests: readonly OpenRequest[],
  context: MatchingContext,
  config: MatchingConfig,
  now: Date | number,
  options: MatchPoolOptions = {},
): PoolMatching {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const sorted = [...requests].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`duplicate request id ${sorted[i]!.id}`);
  }
  const rules = createMatchingRules(context, config, nowMs);
  const graph = buildCandidateGraph(sorted, context, rules, {
    candidatesPerRequest: options.candidatesPerRequest ?? config.candidatesPerRequest,
  });
  const n = sorted.length;
  const { edges } = graph;
  const degree = new Int32Array(n);
  for (let k = 0; k < edges.count; k++) {
    degree[edges.from[k]!]!++;
    degree[edges.to[k]!]!++;
  }

  const components = connectedComponents(n, edges).filter((component) => component.edges.length > 0);
  const mate = matchComponents(
    n,
    edges,
    components,
    options.solver ?? 'blossom',
    options.exactUpTo ?? EXACT_COMPONENT_LIMIT,
  );

  const pairs: MatchedPair[] = [];
  const unmatched: UnmatchedRequest[] = [];
  for (let i = 0; i < n; i++) {
    const request = sorted[i]!;
    const partner = mate[i]!;
    if (partner < 0) {
      const reason = degree[i] === 0 ? 'no-compatible-partner' : 'odd-one-out';
      unmatched.push({ id: request.id, memberId: request.memberId, reason });
    } else if (i < partner) {
      pairs.push(describePair(request, sorted[partner]!, rules));
    }
  }
  const totalScore = Math.round(pairs.reduce((sum, pair) => sum + pair.score, 0) * 100) / 100;
  return {
    pairs,
    unmatched,
    summary: {
      inputFingerprint: fingerprintInput(sorted, context, config, nowMs),
      now: nowMs,
      requests: n,
      candidatePairs: edges.count,
      pairsExamined: graph.pairsExamined,
      pairsVisited: graph.pairsVisited,
      components: components.length,
      largestComponent: Math.max(0, ...components.map((component) => component.vertices.length)),
      pairs: pairs.length,
      totalScore,
    },
  };
}

/**
 * The exact method takes about 0.3 s on a 5,000-request component and grows as n^1.7; above this
 * the local search gives the same pair count and over 99% of the weight in a fraction of the time.
 */
export const EXACT_COMPONENT_LIMIT = 5_000;

/** Solves each component on its own (same optimum, far less work) and maps mates back. */
function matchComponents(
  n: number,
  edges: EdgeList,
  components: readonly Component[],
  solver: 'blossom' | 'greedy',
  exactUpTo: number,
): Int32Array {
  const mate = new Int32Array(n).fill(-1);
  const local = new Int32Array(n);
  for (const { vertices, edges: ids } of components) {
    for (let i = 0; i < vertices.length; i++) local[vertices[i]!] = i;
    const count = ids.length;
    const part = {
      count,
      from: new Int32Array(count),
      to: new Int32Array(count),
      weight: new Float64Array(count),
    };
    for (let i = 0; i < count; i++) {
      const k = ids[i]!;
      part.from[i] = local[edges.from[k]!]!;
      part.to[i] = local[edges.to[k]!]!;
      part.weight[i] = edges.weight[k]!;
    }
    const partMate =
      solver === 'greedy'
        ? greedyMatching(vertices.length, part)
        : vertices.length <= exactUpTo
          ? maxWeightMatching(vertices.length, part, { maxCardinality: true })
          : localSearchMatching(vertices.length, part);
    for (let i = 0; i < vertices.length; i++) {
      const m = partMate[i]!;
      if (m >= 0) mate[vertices[i]!] = vertices[m]!;
    }
  }
  return mate;
}

function describePair(a: OpenRequest, b: OpenRequest, rules: MatchingRules): MatchedPair {
  const pair = findCompatibility(a, b, rules);
  // The graph only holds pairs that passed these same rules; anything else is a bug worth a crash.
  if (!pair.compatible) throw new Error(`matched incompatible requests ${a.id} and ${b.id}: ${pair.reason}`);
  const { score, factors } = scorePair(a, b, pair, rules);
  return {
    a: a.id,
    b: b.id,
    memberA: a.memberId,
    memberB: b.memberId,
    score,
    factors,
    interviewType: pair.interviewType,
    slot: pair.slot,
    durationMinutes: pair.durationMinutes,
    firstInterviewer: pair.firstInterviewer === 'a' ? a.id : b.id,
    swapRoles: pair.swapRoles,
    explanation: explainMatch(a, b, pair, rules),
  };
}
