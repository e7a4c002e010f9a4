import { describe, expect, it } from 'vitest';
import { generatePool } from '../../../bench/matching-pool-generator.ts';
import { buildCandidateGraph } from '../../../src/domain/matching/build-candidate-graph.ts';
import { findCompatibility } from '../../../src/domain/matching/compatibility.ts';
import { matchingConfig } from '../../../src/domain/matching/config.ts';
import { scorePair, scoreToWeight } from '../../../src/domain/matching/score-pair.ts';
import { EMPTY_CONTEXT } from '../../../src/domain/matching/types.ts';
import { rulesFor } from './request-fixtures.ts';

function pairKey(i: number, j: number) {
  return `${Math.min(i, j)}-${Math.max(i, j)}`;
}

describe('buildCandidateGraph', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: unsparsified, it finds exactly the compatible pairs, scored as scorePair does',
    (seed) => {
      const pool = generatePool(120, seed);
      const rules = rulesFor(pool.context);
      const graph = buildCandidateGraph(pool.requests, pool.context, rules, {
        candidatesPerRequest: Infinity,
      });
      const expected = new Map<string, number>();
      pool.requests.forEach((a, i) => {
        pool.requests.forEach((b, j) => {
          if (j <= i) return;
          const pair = findCompatibility(a, b, rules);
          if (pair.compatible)
            expected.set(
              pairKey(i, j),
              scoreToWeight(scorePair(a, b, pair, rules).score, rules.config.scoreResolution),
            );
        });
      });
      const found = new Map<string, number>();
      for (let k = 0; k < graph.edges.count; k++)
        found.set(pairKey(graph.edges.from[k]!, graph.edges.to[k]!), graph.edges.weight[k]!);
      expect(found.size).toBe(graph.edges.count); // no pair twice
      expect(found).toEqual(expected);
    },
  );

  it.each([1, 2, 3])(
    'seed %i: sparsified, it keeps only compatible pairs and at least k (or all) per request',
    (seed) => {
      const pool = generatePool(300, seed);
      const k = 4;
      const rules = rulesFor(pool.context, matchingConfig({ candidatesPerRequest: k }));
      const full = buildCandidateGraph(pool.requests, pool.context, rules, {
        candidatesPerRequest: Infinity,
      });
      const sparse = buildCandidateGraph(pool.requests, pool.context, rules);
      const fullWeights = new Map<string, number>();
      const fullDegree = new Int32Array(pool.requests.length);
      for (let e = 0; e < full.edges.count; e++) {
        fullWeights.set(pairKey(full.edges.from[e]!, full.edges.to[e]!), full.edges.weight[e]!);
        fullDegree[full.edges.from[e]!]!++;
        fullDegree[full.edges.to[e]!]!++;
      }
      const degree = new Int32Array(pool.requests.length);
      for (let e = 0; e < sparse.edges.count; e++) {
        const key = pairKey(sparse.edges.from[e]!, sparse.edges.to[e]!);
        expect(fullWeights.get(key)).toBe(sparse.edges.weight[e]);
        degree[sparse.edges.from[e]!]!++;
        degree[sparse.edges.to[e]!]!++;
      }
      for (let i = 0; i < pool.requests.length; i++) {
        expect(degree[i]).toBeGreaterThanOrEqual(Math.min(k, fullDegree[i]!));
      }
      expect(sparse.edges.count).toBeLessThan(full.edges.count);
      expect(sparse.pairsExamined).toBeLessThan(full.pairsExamined);
    },
  );

  it('has no edges for an empty or single-request pool', () => {
    const rules = rulesFor();
    expect(buildCandidateGraph([], EMPTY_CONTEXT, rules).edges.count).toBe(0);
    const one = generatePool(1, 1);
    expect(buildCandidateGraph(one.requests, one.context, rules).edges.count).toBe(0);
  });
});
