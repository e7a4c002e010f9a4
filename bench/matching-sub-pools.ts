import { findCompatibility } from '../src/domain/matching/compatibility.ts';
import { DEFAULT_MATCHING_CONFIG } from '../src/domain/matching/config.ts';
import { exactMatching } from '../src/domain/matching/exact-matching.ts';
import { greedyMatching } from '../src/domain/matching/greedy-matching.ts';
import { createMatchingRules } from '../src/domain/matching/matching-rules.ts';
import { edgeListOf } from '../src/domain/matching/max-weight-matching.ts';
import { scorePair } from '../src/domain/matching/score-pair.ts';
import { seededRandom } from '../src/domain/matching/seeded-random.ts';
import { matchPool } from '../src/domain/matching/solve-pool.ts';
import type { OpenRequest } from '../src/domain/matching/types.ts';
import type { GeneratedPool } from './matching-pool-generator.ts';

/**
 * The production sweep on small sub-pools against exhaustive search over their full
 * compatibility graph. Sub-pools are drawn around a random request from requests in nearby
 * timezones sharing a type with it, so they are dense enough for the check to mean something.
 */
export function checkSubPools(pool: GeneratedPool, count: number, size: number, seed: number) {
  const random = seededRandom(seed);
  let sameCardinality = 0;
  let fewerThanGreedy = 0;
  let lowestRatio = 1;
  let ratioSum = 0;
  for (let n = 0; n < count; n++) {
    const centre = random.pick(pool.requests);
    const nearby = pool.requests.filter(
      (r) =>
        Math.abs(r.timezoneOffsetMinutes - centre.timezoneOffsetMinutes) <= 120 &&
        r.interviewTypes.some((type) => centre.interviewTypes.includes(type)),
    );
    const picked = new Set<OpenRequest>([centre]);
    while (picked.size < Math.min(size, nearby.length)) picked.add(random.pick(nearby));
    const requests = [...picked].sort((a, b) => (a.id < b.id ? -1 : 1));

    const rules = createMatchingRules(pool.context, DEFAULT_MATCHING_CONFIG, pool.now);
    const edges: Array<[number, number, number]> = [];
    requests.forEach((a, i) => {
      requests.forEach((b, j) => {
        if (j <= i) return;
        const pair = findCompatibility(a, b, rules);
        if (pair.compatible) edges.push([i, j, scorePair(a, b, pair, rules).score]);
      });
    });
    const exact = exactMatching(requests.length, edges, { maxCardinality: true });
    const greedyPairs = greedyMatching(requests.length, edgeListOf(edges)).filter((m) => m >= 0).length / 2;
    const sweep = matchPool(requests, pool.context, DEFAULT_MATCHING_CONFIG, pool.now);
    const total = sweep.pairs.reduce((sum, pair) => sum + pair.score, 0);
    const ratio = exact.weight === 0 ? 1 : total / exact.weight;
    if (sweep.pairs.length === exact.cardinality) sameCardinality++;
    if (sweep.pairs.length < greedyPairs) fewerThanGreedy++;
    lowestRatio = Math.min(lowestRatio, ratio);
    ratioSum += ratio;
  }
  return { count, size, sameCardinality, fewerThanGreedy, lowestRatio, meanRatio: ratioSum / count };
}
