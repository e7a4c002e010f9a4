import { describe, expect, it } from 'vitest';
import { connectedComponents } from '../../../src/domain/matching/connected-components.ts';
import { greedyMatching } from '../../../src/domain/matching/greedy-matching.ts';
import { edgeListOf } from '../../../src/domain/matching/max-weight-matching.ts';
import { TopCandidates } from '../../../src/domain/matching/top-candidates.ts';

describe('greedyMatching', () => {
  it.each<[string, number, Array<[number, number, number]>, number[]]>([
    ['no edges', 3, [], [-1, -1, -1]],
    [
      'takes the heaviest first, even when that costs a pair',
      4,
      [
        [0, 1, 1],
        [1, 2, 10],
        [2, 3, 1],
      ],
      [-1, 2, 1, -1],
    ],
    [
      'ties go to the earlier edge',
      3,
      [
        [0, 1, 5],
        [1, 2, 5],
      ],
      [1, 0, -1],
    ],
    [
      'a triangle gives one pair',
      3,
      [
        [0, 1, 3],
        [1, 2, 4],
        [0, 2, 5],
      ],
      [2, -1, 0],
    ],
  ])('%s', (_name, n, edges, expected) => {
    expect(Array.from(greedyMatching(n, edgeListOf(edges)))).toEqual(expected);
  });
});

describe('connectedComponents', () => {
  it('splits a graph into its parts, vertices and edges ascending', () => {
    const parts = connectedComponents(
      7,
      edgeListOf([
        [5, 6, 1],
        [0, 2, 1],
        [2, 3, 1],
      ]),
    );
    expect(parts.map((p) => [Array.from(p.vertices), Array.from(p.edges)])).toEqual([
      [
        [0, 2, 3],
        [1, 2],
      ],
      [[1], []],
      [[4], []],
      [[5, 6], [0]],
    ]);
  });
});

describe('TopCandidates', () => {
  it('keeps the best k per request, ties to the lower partner index', () => {
    const top = new TopCandidates(2, 3);
    for (const [partner, score] of [
      [10, 5],
      [11, 9],
      [12, 1],
      [13, 7],
      [14, 7],
      [9, 7],
    ] as const) {
      top.offer(0, partner, score);
    }
    expect([...top.partnersOf(0)].sort((a, b) => a - b)).toEqual([9, 11, 13]);
    expect(top.threshold(0)).toBe(7);
    expect(top.threshold(1)).toBe(Number.NEGATIVE_INFINITY);
    expect(top.partnersOf(1)).toHaveLength(0);
  });
});
