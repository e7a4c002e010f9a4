import { describe, expect, it } from 'vitest';
import { findCompatibility } from '../../../src/domain/matching/compatibility.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../../src/domain/matching/config.ts';
import { exactMatching } from '../../../src/domain/matching/exact-matching.ts';
import { greedyMatching } from '../../../src/domain/matching/greedy-matching.ts';
import { DAY_MS, HOUR_MS } from '../../../src/domain/matching/matching-rules.ts';
import { edgeListOf } from '../../../src/domain/matching/max-weight-matching.ts';
import { scorePair, scoreToWeight } from '../../../src/domain/matching/score-pair.ts';
import { type SeededRandom, seededRandom } from '../../../src/domain/matching/seeded-random.ts';
import { matchPool, type PoolMatching } from '../../../src/domain/matching/solve-pool.ts';
import {
  EMPTY_CONTEXT,
  LEVELS,
  type MatchingContext,
  type OpenRequest,
} from '../../../src/domain/matching/types.ts';
import { hoursFromNow, NOW, request, rulesFor } from './request-fixtures.ts';

/** A small, dense pool: two types, three nearby zones, a handful of evening slots. */
function smallPool(
  random: SeededRandom,
  size: number,
): { requests: OpenRequest[]; context: MatchingContext } {
  const requests = Array.from({ length: size }, (_, i) =>
    request({
      id: `p${String(i).padStart(2, '0')}`,
      memberId: `M${i}`,
      interviewTypes: random.chance(0.3)
        ? ['execution', 'strategy']
        : [random.pick(['execution', 'strategy'])],
      level: random.pick(LEVELS),
      role: random.weighted([
        ['BOTH', 6],
        ['INTERVIEWER', 2],
        ['INTERVIEWEE', 2],
      ] as const),
      durationMinutes: random.pick([30, 45, 60] as const),
      availability: [hoursFromNow(random.pick([6, 30, 54]) + random.int(0, 3), random.int(1, 4))],
      timezoneOffsetMinutes: random.pick([-300, 0, 60]),
      createdAt: NOW - random.int(0, 96) * HOUR_MS,
      priority: random.chance(0.15),
    }),
  );
  const members = requests.map((r) => r.memberId);
  const context: MatchingContext = {
    ...EMPTY_CONTEXT,
    blockedPairs: random.chance(0.5) ? [[random.pick(members), random.pick(members)]] : [],
    recentPairings: random.chance(0.5)
      ? [
          {
            memberA: random.pick(members),
            memberB: random.pick(members),
            pairedAt: NOW - random.int(1, 40) * DAY_MS,
          },
        ]
      : [],
    reliability: Object.fromEntries(members.filter(() => random.chance(0.4)).map((m) => [m, random.next()])),
  };
  return { requests, context };
}

/** The exact optimum by exhaustive search over the full compatibility graph. */
function exactOptimum(requests: OpenRequest[], context: MatchingContext) {
  const sorted = [...requests].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rules = rulesFor(context);
  const edges: Array<[number, number, number]> = [];
  sorted.forEach((a, i) => {
    sorted.forEach((b, j) => {
      if (j <= i) return;
      const pair = findCompatibility(a, b, rules);
      if (pair.compatible)
        edges.push([i, j, scoreToWeight(scorePair(a, b, pair, rules).score, rules.config.scoreResolution)]);
    });
  });
  const exact = exactMatching(sorted.length, edges, { maxCardinality: true });
  const greedy = greedyMatching(sorted.length, edgeListOf(edges));
  return { exact, greedyPairs: greedy.filter((m) => m >= 0).length / 2 };
}

function weightOf(result: PoolMatching) {
  return result.pairs.reduce(
    (sum, pair) => sum + scoreToWeight(pair.score, DEFAULT_MATCHING_CONFIG.scoreResolution),
    0,
  );
}

function expectWellFormed(result: PoolMatching, requests: OpenRequest[], context: MatchingContext) {
  const seen = new Set<string>();
  const byId = new Map(requests.map((r) => [r.id, r]));
  const rules = rulesFor(context);
  for (const pair of result.pairs) {
    for (const id of [pair.a, pair.b]) {
      expect(seen.has(id), `${id} is in two pairs`).toBe(false);
      seen.add(id);
    }
    expect(findCompatibility(byId.get(pair.a)!, byId.get(pair.b)!, rules).compatible).toBe(true);
  }
  for (const open of result.unmatched) {
    expect(seen.has(open.id)).toBe(false);
    seen.add(open.id);
  }
  expect(seen.size).toBe(requests.length);
}

describe('matchPool against exhaustive search', () => {
  const cases = Array.from({ length: 150 }, (_, i) => [i + 1, 2 + (i % 13)] as const);

  it.each(cases)(
    'seed %i, %i requests: unsparsified it is exact (the local search: as many pairs); sparsified it never trails greedy',
    (seed, size) => {
      const { requests, context } = smallPool(seededRandom(seed), size);
      const { exact, greedyPairs } = exactOptimum(requests, context);

      const full = matchPool(requests, context, DEFAULT_MATCHING_CONFIG, NOW, {
        candidatesPerRequest: Infinity,
      });
      expectWellFormed(full, requests, context);
      expect(full.pairs.length).toBe(exact.cardinality);
      expect(weightOf(full)).toBe(exact.weight);

      // The large-component solver, forced: the same pair count, never more weight than exact.
      const local = matchPool(requests, context, DEFAULT_MATCHING_CONFIG, NOW, {
        candidatesPerRequest: Infinity,
        exactUpTo: 0,
      });
      expectWellFormed(local, requests, context);
      expect(local.pairs.length).toBe(exact.cardinality);
      expect(weightOf(local)).toBeLessThanOrEqual(exact.weight);

      const sparse = matchPool(
        requests,
        context,
        { ...DEFAULT_MATCHING_CONFIG, candidatesPerRequest: 3 },
        NOW,
      );
      expectWellFormed(sparse, requests, context);
      expect(sparse.pairs.length).toBeGreaterThanOrEqual(greedyPairs);
      expect(weightOf(sparse)).toBeLessThanOrEqual(exact.weight);
    },
  );
});

describe('matchPool behaviour', () => {
  it('gives the same pairs whatever the input order', () => {
    const { requests, context } = smallPool(seededRandom(7), 14);
    const shuffled = [...requests].reverse();
    const first = matchPool(requests, context, DEFAULT_MATCHING_CONFIG, NOW);
    const second = matchPool(shuffled, context, DEFAULT_MATCHING_CONFIG, new Date(NOW));
    expect(second).toEqual(first);
  });

  it('prefers more pairs over a higher score (a–b–c–d with b–c the best pair)', () => {
    const a = request({ id: 'a', availability: [hoursFromNow(5, 1)] });
    const b = request({ id: 'b', availability: [hoursFromNow(5, 4)], priority: true });
    const c = request({ id: 'c', availability: [hoursFromNow(7, 4)], priority: true });
    const d = request({ id: 'd', availability: [hoursFromNow(10, 1)] });
    const result = matchPool([a, b, c, d], EMPTY_CONTEXT, DEFAULT_MATCHING_CONFIG, NOW);
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const greedy = matchPool([a, b, c, d], EMPTY_CONTEXT, DEFAULT_MATCHING_CONFIG, NOW, { solver: 'greedy' });
    expect(greedy.pairs.map((p) => [p.a, p.b])).toEqual([['b', 'c']]);
  });

  it('keeps the odd one out and says why; priority decides who that is', () => {
    const x = request({ id: 'x', createdAt: NOW - HOUR_MS });
    const y = request({ id: 'y', createdAt: NOW - HOUR_MS });
    const z = request({ id: 'z', createdAt: NOW - HOUR_MS, priority: true });
    const loner = request({ id: 'w', interviewTypes: ['technical'] });
    const result = matchPool([x, y, z, loner], EMPTY_CONTEXT, DEFAULT_MATCHING_CONFIG, NOW);
    expect(result.pairs).toHaveLength(1);
    expect([result.pairs[0]!.a, result.pairs[0]!.b]).toContain('z');
    expect(result.unmatched).toEqual([
      { id: 'w', memberId: loner.memberId, reason: 'no-compatible-partner' },
      { id: expect.stringMatching(/^[xy]$/), memberId: expect.any(String), reason: 'odd-one-out' },
    ]);
  });

  it('explains each pair and reports who interviews first', () => {
    const older = request({
      id: 'old',
      memberId: 'UO',
      level: 'STAFF',
      createdAt: NOW - 3 * DAY_MS,
      timezoneOffsetMinutes: 60,
    });
    const newer = request({ id: 'new', memberId: 'UN', level: 'SENIOR', createdAt: NOW - HOUR_MS });
    const context = {
      ...EMPTY_CONTEXT,
      roleBalance: [{ memberId: 'UN', interviewType: 'product-sense', given: 0, received: 3 }],
    };
    const [pair] = matchPool([older, newer], context, DEFAULT_MATCHING_CONFIG, NOW).pairs;
    expect(pair).toMatchObject({
      a: 'new',
      b: 'old',
      interviewType: 'product-sense',
      firstInterviewer: 'new',
      swapRoles: true,
      durationMinutes: 60,
      slot: hoursFromNow(30, 1),
      explanation: {
        interviewType: 'product-sense',
        overlapMinutes: 180,
        levels: ['SENIOR', 'STAFF'],
        timezoneGapMinutes: 60,
        daysSinceLastPaired: null,
      },
    });
    expect(pair!.explanation.summary).toBe(
      'Both want Product sense practice; 3 h of shared free time in the next 7 days; targets Senior and Staff/Principal, one level apart; clocks 1 h apart; first session together.',
    );
  });

  it('summarises the run with a fingerprint that follows the input', () => {
    const { requests, context } = smallPool(seededRandom(3), 10);
    const first = matchPool(requests, context, DEFAULT_MATCHING_CONFIG, NOW).summary;
    expect(matchPool(requests, context, DEFAULT_MATCHING_CONFIG, NOW).summary).toEqual(first);
    expect(matchPool(requests, context, DEFAULT_MATCHING_CONFIG, NOW + 1).summary.inputFingerprint).not.toBe(
      first.inputFingerprint,
    );
    expect(first).toMatchObject({ requests: 10, now: NOW });
    expect(
      first.pairs * 2 + matchPool(requests, context, DEFAULT_MATCHING_CONFIG, NOW).unmatched.length,
    ).toBe(10);
  });

  it('handles an empty pool and refuses duplicate ids', () => {
    expect(matchPool([], EMPTY_CONTEXT, DEFAULT_MATCHING_CONFIG, NOW)).toMatchObject({
      pairs: [],
      unmatched: [],
    });
    const twin = request({ id: 'same' });
    expect(() => matchPool([twin, { ...twin }], EMPTY_CONTEXT, DEFAULT_MATCHING_CONFIG, NOW)).toThrow(
      /duplicate/,
    );
  });
});
