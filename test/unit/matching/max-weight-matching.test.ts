import { describe, expect, it } from 'vitest';
import type { BlossomState } from '../../../src/domain/matching/blossom-state.ts';
import { exactMatching } from '../../../src/domain/matching/exact-matching.ts';
import {
  edgeListOf,
  maxWeightMatching,
  solveMatching,
} from '../../../src/domain/matching/max-weight-matching.ts';
import { seededRandom } from '../../../src/domain/matching/seeded-random.ts';

type Triple = readonly [number, number, number];

function summarise(vertexCount: number, edges: readonly Triple[], mate: Int32Array) {
  const weightOf = new Map(edges.map(([u, v, w]) => [`${Math.min(u, v)}-${Math.max(u, v)}`, w]));
  let cardinality = 0;
  let weight = 0;
  for (let v = 0; v < vertexCount; v++) {
    const u = mate[v]!;
    if (u < 0) continue;
    expect(mate[u]).toBe(v); // symmetric
    if (v < u) {
      const w = weightOf.get(`${v}-${u}`);
      expect(w, `matched ${v}-${u} is not an edge`).toBeDefined();
      cardinality++;
      weight += w!;
    }
  }
  return { cardinality, weight };
}

function solve(vertexCount: number, edges: readonly Triple[], maxCardinality: boolean) {
  return summarise(vertexCount, edges, maxWeightMatching(vertexCount, edgeListOf(edges), { maxCardinality }));
}

/**
 * Checks the linear-programming certificate the algorithm leaves behind: with it, the matching is
 * optimal whatever the graph's size, so medium graphs can be checked without exhaustive search.
 */
function certificateProblems(s: BlossomState, maxCardinality: boolean): string[] {
  const problems: string[] = [];
  const n = s.vertexCount;
  const vertexDuals = Array.from({ length: n }, (_, v) => s.vertexDual(v));
  const lowest = Math.min(...vertexDuals);
  const liveBlossoms = Array.from({ length: n }, (_, i) => n + i).filter((b) => s.blossomBase[b]! >= 0);
  for (const b of liveBlossoms) if (s.blossomDual(b) < 0) problems.push(`blossom ${b} has a negative dual`);
  for (let k = 0; k < s.edgeCount; k++) {
    const i = s.endpoint[2 * k]!;
    const j = s.endpoint[2 * k + 1]!;
    let slack = s.slack(k);
    const around = new Set<number>();
    for (let b = s.blossomParent[i]!; b !== -1; b = s.blossomParent[b]!) around.add(b);
    for (let b = s.blossomParent[j]!; b !== -1; b = s.blossomParent[b]!)
      if (around.has(b)) slack += 2 * s.blossomDual(b);
    if (slack < 0) problems.push(`edge ${i}-${j} has negative slack ${slack}`);
    const matched = s.mate[i]! >= 0 && s.mate[i]! >> 1 === k;
    if (matched && slack !== 0) problems.push(`matched edge ${i}-${j} has slack ${slack}`);
  }
  for (let v = 0; v < n; v++) {
    if (s.mate[v] !== -1) continue;
    const expected = maxCardinality ? lowest : 0;
    if (vertexDuals[v] !== expected)
      problems.push(`single vertex ${v} has dual ${vertexDuals[v]}, not ${expected}`);
  }
  if (!maxCardinality && lowest < 0) problems.push('a vertex dual is negative');
  for (const b of liveBlossoms) {
    if (s.blossomDual(b) === 0) continue;
    const count = s.collectLeaves(b);
    const inside = new Set(Array.from(s.leaves.subarray(0, count)));
    let matchedInside = 0;
    for (const v of inside) if (s.mate[v]! >= 0 && inside.has(s.endpoint[s.mate[v]!]!)) matchedInside++;
    if (matchedInside / 2 !== (count - 1) / 2) problems.push(`blossom ${b} with a positive dual is not full`);
  }
  return problems;
}

/** Random simple graph; small integer weights make ties (and so tricky dual moves) common. */
function randomGraph(seed: number, vertexCount: number, density: number, maxWeight: number, minWeight = 1) {
  const random = seededRandom(seed);
  const edges: Triple[] = [];
  for (let u = 0; u < vertexCount; u++) {
    for (let v = u + 1; v < vertexCount; v++) {
      if (random.chance(density)) {
        const [a, b] = random.chance(0.5) ? [u, v] : [v, u];
        edges.push([a, b, random.int(minWeight, maxWeight)]);
      }
    }
  }
  return edges;
}

describe('maxWeightMatching on hand-made graphs', () => {
  it.each<[string, number, Triple[], boolean, { cardinality: number; weight: number }]>([
    ['no edges', 4, [], true, { cardinality: 0, weight: 0 }],
    ['no vertices', 0, [], true, { cardinality: 0, weight: 0 }],
    ['a single edge', 2, [[0, 1, 5]], true, { cardinality: 1, weight: 5 }],
    ['a single zero-weight edge, max cardinality', 2, [[0, 1, 0]], true, { cardinality: 1, weight: 0 }],
    [
      'path where weight beats cardinality',
      4,
      [
        [0, 1, 1],
        [1, 2, 10],
        [2, 3, 1],
      ],
      false,
      { cardinality: 1, weight: 10 },
    ],
    [
      'path where cardinality comes first',
      4,
      [
        [0, 1, 1],
        [1, 2, 10],
        [2, 3, 1],
      ],
      true,
      { cardinality: 2, weight: 2 },
    ],
    [
      'triangle (odd cycle)',
      3,
      [
        [0, 1, 3],
        [1, 2, 4],
        [0, 2, 5],
      ],
      true,
      { cardinality: 1, weight: 5 },
    ],
    [
      'triangle with a tail needs a blossom',
      4,
      [
        [0, 1, 6],
        [1, 2, 6],
        [0, 2, 6],
        [2, 3, 1],
      ],
      true,
      { cardinality: 2, weight: 7 },
    ],
    [
      'negative weights are skipped unless cardinality asks',
      2,
      [[0, 1, -3]],
      false,
      { cardinality: 0, weight: 0 },
    ],
    [
      'negative weights with max cardinality',
      4,
      [
        [0, 1, -3],
        [2, 3, -1],
        [1, 2, 4],
      ],
      true,
      { cardinality: 2, weight: -4 },
    ],
    // The classic blossom cases from van Rantwijk's test suite (vertex 0 is isolated there too):
    // nested S-blossoms, relabelling, and T-blossom expansion with "nasty" least-slack edges.
    [
      'S-blossom',
      5,
      [
        [1, 2, 8],
        [1, 3, 9],
        [2, 3, 10],
        [3, 4, 7],
      ],
      false,
      { cardinality: 2, weight: 15 },
    ],
    [
      'T-blossom',
      7,
      [
        [1, 2, 9],
        [1, 3, 8],
        [2, 3, 10],
        [1, 4, 5],
        [4, 5, 4],
        [1, 6, 3],
      ],
      false,
      { cardinality: 3, weight: 17 },
    ],
    [
      'nested S-blossom',
      7,
      [
        [1, 2, 9],
        [1, 3, 9],
        [2, 3, 10],
        [2, 4, 8],
        [3, 5, 8],
        [4, 5, 10],
        [5, 6, 6],
      ],
      false,
      { cardinality: 3, weight: 23 },
    ],
    [
      'nested S-blossom relabelled',
      9,
      [
        [1, 2, 10],
        [1, 7, 10],
        [2, 3, 12],
        [3, 4, 20],
        [3, 5, 20],
        [4, 5, 25],
        [5, 6, 10],
        [6, 7, 10],
        [7, 8, 8],
      ],
      false,
      { cardinality: 4, weight: 48 },
    ],
    [
      'nested S-blossom expanded',
      9,
      [
        [1, 2, 8],
        [1, 3, 8],
        [2, 3, 10],
        [2, 4, 12],
        [3, 5, 12],
        [4, 5, 14],
        [4, 6, 12],
        [5, 7, 12],
        [6, 7, 14],
        [7, 8, 12],
      ],
      false,
      { cardinality: 4, weight: 44 },
    ],
    [
      'S-blossom relabelled as T and expanded',
      9,
      [
        [1, 2, 23],
        [1, 5, 22],
        [1, 6, 15],
        [2, 3, 25],
        [3, 4, 22],
        [4, 5, 25],
        [4, 8, 14],
        [5, 7, 13],
      ],
      false,
      { cardinality: 4, weight: 67 },
    ],
    [
      'nested S-blossom relabelled as T and expanded',
      9,
      [
        [1, 2, 19],
        [1, 3, 20],
        [1, 8, 8],
        [2, 3, 25],
        [2, 4, 18],
        [3, 5, 18],
        [4, 5, 13],
        [4, 7, 7],
        [5, 6, 7],
      ],
      false,
      { cardinality: 4, weight: 47 },
    ],
    [
      'nasty T-blossom expansion',
      11,
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 35],
        [5, 7, 26],
        [9, 10, 5],
      ],
      false,
      { cardinality: 5, weight: 146 },
    ],
    [
      'nasty T-blossom expansion, second variant',
      11,
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 26],
        [5, 7, 40],
        [9, 10, 5],
      ],
      false,
      { cardinality: 5, weight: 151 },
    ],
    [
      'T-blossom expansion with least-slack bookkeeping',
      11,
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 28],
        [5, 7, 26],
        [9, 10, 5],
      ],
      false,
      { cardinality: 5, weight: 139 },
    ],
    [
      'nested blossom with nasty T expansion',
      13,
      [
        [1, 2, 45],
        [1, 7, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 95],
        [4, 6, 94],
        [5, 6, 94],
        [6, 7, 50],
        [1, 8, 30],
        [3, 11, 35],
        [5, 9, 36],
        [7, 10, 26],
        [11, 12, 5],
      ],
      false,
      { cardinality: 6, weight: 241 },
    ],
    [
      'nested blossom relabelled then expanded',
      11,
      [
        [1, 2, 40],
        [1, 3, 40],
        [2, 3, 60],
        [2, 4, 55],
        [3, 5, 55],
        [4, 5, 50],
        [1, 8, 15],
        [5, 7, 30],
        [7, 6, 10],
        [8, 10, 10],
        [4, 9, 30],
      ],
      false,
      { cardinality: 5, weight: 145 },
    ],
  ])('%s', (_name, vertexCount, edges, maxCardinality, expected) => {
    const result = solve(vertexCount, edges, maxCardinality);
    const exact = exactMatching(vertexCount, edges, { maxCardinality });
    expect(result.weight).toBe(exact.weight);
    expect(result).toEqual(expected);
  });
});

describe('maxWeightMatching against exhaustive search', () => {
  const cases: Array<[number, number, number, number, number]> = [];
  for (let seed = 1; seed <= 600; seed++) {
    const vertexCount = 1 + (seed % 14); // odd and even sizes, 1..14
    const density = [0.15, 0.3, 0.5, 0.8, 1][seed % 5]!;
    const maxWeight = [1, 3, 10, 1000][seed % 4]!;
    const minWeight = seed % 7 === 0 ? -5 : seed % 7 === 1 ? 0 : 1; // some zero and negative weights
    cases.push([seed, vertexCount, density, maxWeight, minWeight]);
  }

  it.each(cases)(
    'seed %i: %i vertices, density %f, weights ≤ %i (min %i)',
    (seed, n, density, maxW, minW) => {
      const edges = randomGraph(seed, n, density, maxW, minW);
      for (const maxCardinality of [true, false]) {
        const exact = exactMatching(n, edges, { maxCardinality });
        const result = solve(n, edges, maxCardinality);
        expect(result.weight, `maxCardinality=${maxCardinality}`).toBe(exact.weight);
        // Without max cardinality, zero-weight edges make the pair count a free choice.
        if (maxCardinality) expect(result.cardinality).toBe(exact.cardinality);
      }
    },
  );

  it('is deterministic: the same edges in the same order give the same mates', () => {
    const edges = randomGraph(99, 40, 0.2, 5);
    const first = maxWeightMatching(40, edgeListOf(edges), { maxCardinality: true });
    const second = maxWeightMatching(40, edgeListOf(edges), { maxCardinality: true });
    expect(Array.from(second)).toEqual(Array.from(first));
  });

  it('rejects self-loops and out-of-range vertices', () => {
    expect(() => maxWeightMatching(2, edgeListOf([[1, 1, 3]]))).toThrow(RangeError);
    expect(() => maxWeightMatching(2, edgeListOf([[0, 2, 3]]))).toThrow(RangeError);
  });
});

describe('maxWeightMatching on medium graphs: the optimality certificate holds', () => {
  const cases: Array<[number, number, number, number]> = [];
  for (let seed = 1; seed <= 60; seed++)
    cases.push([seed, 40 + ((seed * 37) % 260), [2, 3, 6][seed % 3]!, [3, 50, 10_000][seed % 3]!]);

  it.each(cases)('seed %i: %i vertices, average degree %i, weights ≤ %i', (seed, n, degree, maxWeight) => {
    const random = seededRandom(seed * 7);
    const edges: Triple[] = [];
    const seen = new Set<number>();
    for (let t = 0; t < (n * degree) / 2; t++) {
      const u = random.int(0, n - 1);
      // Mostly local edges, so odd cycles and nested blossoms are common.
      const v = random.chance(0.7)
        ? Math.min(n - 1, Math.max(0, u + random.int(-5, 5)))
        : random.int(0, n - 1);
      const key = Math.min(u, v) * n + Math.max(u, v);
      if (u === v || seen.has(key)) continue;
      seen.add(key);
      edges.push([u, v, random.int(1, maxWeight)]);
    }
    for (const maxCardinality of [true, false]) {
      const state = solveMatching(n, edgeListOf(edges), { maxCardinality });
      expect(certificateProblems(state, maxCardinality)).toEqual([]);
    }
  });
});
