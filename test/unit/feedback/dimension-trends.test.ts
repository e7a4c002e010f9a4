import { describe, expect, it } from 'vitest';
import {
  type ReceivedRatings,
  scoreTrend,
  summariseDimensions,
  weakestDimensions,
} from '../../../src/domain/feedback/dimension-trends.ts';

const DAY = 24 * 3600 * 1000;

function rated(
  day: number,
  ratings: Record<string, number>,
  interviewType = 'product-sense',
): ReceivedRatings {
  return { at: day * DAY, interviewType, ratings };
}

describe('scoreTrend', () => {
  it.each<[string, number[], { trend: string; change: number }]>([
    ['no scores', [], { trend: 'new', change: 0 }],
    ['one score', [3], { trend: 'new', change: 0 }],
    ['two scores: the second against the first', [2, 3], { trend: 'up', change: 1 }],
    ['a dip', [3, 3, 2, 2], { trend: 'down', change: -1 }],
    ['small wobbles are steady', [2, 3, 3, 2, 3, 3], { trend: 'steady', change: 0 }],
    ['only the last two windows of three count', [1, 1, 1, 1, 2, 2, 2, 3, 3, 3], { trend: 'up', change: 1 }],
    ['half a point is enough', [2, 2, 3, 2], { trend: 'up', change: 0.5 }],
  ])('%s', (_name, scores, expected) => {
    const result = scoreTrend(scores);
    expect(result.trend).toBe(expected.trend);
    expect(result.change).toBeCloseTo(expected.change);
  });
});

describe('summariseDimensions', () => {
  it('averages each dimension per type, in time order whatever the input order', () => {
    const summaries = summariseDimensions([
      rated(3, { structure: 4, metrics: 3 }),
      rated(1, { structure: 2, metrics: 1 }),
      rated(2, { structure: 3 }),
    ]);
    expect(summaries).toEqual([
      {
        interviewType: 'product-sense',
        dimension: 'structure',
        count: 3,
        average: 3,
        recent: [2, 3, 4],
        trend: 'up',
        change: 1,
      },
      {
        interviewType: 'product-sense',
        dimension: 'metrics',
        count: 2,
        average: 2,
        recent: [1, 3],
        trend: 'up',
        change: 2,
      },
    ]);
  });

  it('keeps types apart and follows the rubric order; unknown dimensions come last', () => {
    const summaries = summariseDimensions(
      [rated(1, { retired: 2, metrics: 3, structure: 3 }), rated(2, { structure: 1 }, 'behavioural')],
      { dimensionOrder: { 'product-sense': ['structure', 'metrics'] } },
    );
    expect(summaries.map((each) => `${each.interviewType}/${each.dimension}`)).toEqual([
      'product-sense/structure',
      'product-sense/metrics',
      'product-sense/retired',
      'behavioural/structure',
    ]);
  });

  it('shows at most the last five scores of fifty sessions', () => {
    const history = Array.from({ length: 50 }, (_, day) => rated(day, { structure: (day % 4) + 1 }));
    const [summary] = summariseDimensions(history);
    expect(summary!.count).toBe(50);
    expect(summary!.recent).toEqual([2, 3, 4, 1, 2]);
    expect(summary!.average).toBeCloseTo(2.46);
  });

  it('counts a dimension marked not covered (absent from the ratings) neither up nor down', () => {
    const [, metrics] = summariseDimensions([
      rated(1, { structure: 3, metrics: 3 }),
      rated(2, { structure: 2 }),
      rated(3, { structure: 2, metrics: 3 }),
    ]);
    expect(metrics).toMatchObject({ dimension: 'metrics', count: 2, average: 3, recent: [3, 3] });
  });

  it('counts scores given under a dimension’s former id as its own', () => {
    const summaries = summariseDimensions(
      [
        rated(1, { 'stakeholders-and-communication': 2 }, 'strategy'),
        rated(2, { stakeholders: 3, 'structure-communication': 4 }, 'strategy'),
        rated(3, { 'stakeholders-and-communication': 1 }),
      ],
      {
        dimensionOrder: { strategy: ['stakeholders', 'structure-communication'] },
        renamed: { strategy: { 'stakeholders-and-communication': 'stakeholders' } },
      },
    );
    expect(summaries.map((each) => [each.interviewType, each.dimension, each.count])).toEqual([
      ['strategy', 'stakeholders', 2],
      ['strategy', 'structure-communication', 1],
      // Another type's dimension of the same name is not renamed.
      ['product-sense', 'stakeholders-and-communication', 1],
    ]);
  });

  it('has nothing to say about no feedback', () => {
    expect(summariseDimensions([])).toEqual([]);
  });
});

describe('weakestDimensions', () => {
  it('picks the lowest averages with enough ratings, most-rated first on a tie', () => {
    const summaries = summariseDimensions([
      rated(1, { a: 1, b: 2, c: 2, d: 4 }),
      rated(2, { b: 2, c: 2, d: 4 }),
      rated(3, { c: 2 }),
    ]);
    expect(weakestDimensions(summaries, 2, 2).map((each) => each.dimension)).toEqual(['c', 'b']);
    expect(weakestDimensions(summaries, 1).map((each) => each.dimension)).toEqual(['a']);
  });
});
