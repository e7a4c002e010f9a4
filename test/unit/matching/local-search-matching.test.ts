import { describe, expect, it } from 'vitest';
import { generatePool } from '../../../bench/matching-pool-generator.ts';
import type { EdgeList } from '../../../src/domain/matching/blossom-state.ts';
import { buildCandidateGraph } from '../../../src/domain/matching/build-candidate-graph.ts';
import { exactMatching } from '../../../src/domain/matching/exact-matching.ts';
import { greedyMatching } from '../../../src/domain/matching/greedy-matching.ts';
import { localSearchMatching } from '../../../src/domain/matching/local-search-matching.ts';
import { edgeListOf, maxWeightMatching } from '../../../src/domain/matching/max-weight-matching.ts';
import { seededRandom } from '../../../src/domain/matching/seeded-random.ts';
import { rulesFor } from './request-fixtures.ts';

/** A random graph with integer weights: sparse enough for odd cycles and long augmenting paths. */
function randomGraph(seed: number, vertices: number, edgesPerVertex: number) {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const triples: Array<[number, number, number]> = [];
  for (let k = 0; k < vertices * edgesPerVertex; k++) {
    const u = random.int(0, vertices - 1);
    const v = random.int(0, vertices - 1);
    const key = `${Math.min(u, v)}-${Math.max(u, v)}`;
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    triples.push([u, v, random.int(1, 40)]);
  }
  return triples;
}

/** Pairs and weight of `mate`, checking that it is a matching made of the graph's edges. */
function measure(vertexCount: number, edges: EdgeList, mate: Int32Array) {
  const weights = new Map<string, number>();
  for (let k = 0; k < edges.count; k++) weights.set(`${edges.from[k]}-${edges.to[k]}`, edges.weight[k]!);
  let pairs = 0;
  let weight = 0;
  for (let v = 0; v < vertexCount; v++) {
    const m = mate[v]!;
    if (m < 0) continue;
    expect(mate[m]).toBe(v);
    if (v > m) continue;
    const w = weights.get(`${v}-${m}`) ?? weights.get(`${m}-${v}`);
    expect(w, `${v}-${m} is not an edge`).toBeDefined();
    pairs++;
    weight += w!;
  }
  return { pairs, weight };
}

describe('localSearchMatching', () => {
  it.each(Array.from({ length: 60 }, (_, i) => [i + 1, 4 + (i % 11)]))(
    'seed %i, %i vertices: as many pairs as the exact optimum, no more weight',
    (seed, vertices) => {
      const triples = randomGraph(seed, vertices, 1 + (seed % 3));
      const edges = edgeListOf(triples);
      const exact = exactMatching(vertices, triples, { maxCardinality: true });
      const found = measure(vertices, edges, localSearchMatching(vertices, edges));
      expect(found.pairs).toBe(exact.cardinality);
      expect(found.weight).toBeLessThanOrEqual(exact.weight);
    },
  );

  it.each(Array.from({ length: 8 }, (_, i) => [i + 1]))(
    'seed %i: on a random 3,000-vertex graph, never fewer pairs than greedy and as many as the blossom',
    (seed) => {
      const vertices = 3_000;
      const edges = edgeListOf(randomGraph(seed, vertices, 2));
      const local = measure(vertices, edges, localSearchMatching(vertices, edges));
      const greedy = measure(vertices, edges, greedyMatching(vertices, edges));
      const exact = measure(vertices, edges, maxWeightMatching(vertices, edges, { maxCardinality: true }));
      expect(local.pairs).toBeGreaterThanOrEqual(greedy.pairs);
      expect(local.pairs).toBe(exact.pairs);
    },
  );

  it('keeps at least 99% of the exact weight on a generated pool, with the same pair count', () => {
    const pool = generatePool(2_000, 5);
    const graph = buildCandidateGraph(pool.requests, pool.context, rulesFor(pool.context));
    const n = pool.requests.length;
    const local = measure(n, graph.edges, localSearchMatching(n, graph.edges));
    const exact = measure(n, graph.edges, maxWeightMatching(n, graph.edges, { maxCardinality: true }));
    expect(local.pairs).toBe(exact.pairs);
    expect(local.weight / exact.weight).toBeGreaterThanOrEqual(0.99);
  });
});
