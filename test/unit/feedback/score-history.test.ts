import { describe, expect, it } from 'vitest';
import type { ReceivedRatings } from '../../../src/domain/feedback/dimension-trends.ts';
import { scoreHistories } from '../../../src/domain/feedback/score-history.ts';

const DAY = 24 * 3600 * 1000;

function rated(day: number, ratings: Record<string, number>, interviewType = 'execution'): ReceivedRatings {
  return { at: day * DAY, interviewType, ratings };
}

describe('scoreHistories', () => {
  it('lines up each dimension session by session, oldest first, a "not covered" as a gap', () => {
    const [history] = scoreHistories([
      rated(3, { metrics: 4, structure: 3 }),
      rated(1, { metrics: 2, structure: 2 }),
      rated(2, { structure: 3 }),
    ]);
    expect(history).toEqual({
      interviewType: 'execution',
      sessions: [1 * DAY, 2 * DAY, 3 * DAY],
      dimensions: [
        { dimension: 'metrics', scores: [2, null, 4] },
        { dimension: 'structure', scores: [2, 3, 3] },
      ],
    });
  });

  it('keeps the latest sessions only, and drops a dimension with no score among them', () => {
    const received = [
      rated(1, { retired: 1, metrics: 1 }),
      ...[2, 3, 4].map((day) => rated(day, { metrics: day })),
    ];
    const [history] = scoreHistories(received, { sessions: 3 });
    expect(history!.sessions).toEqual([2 * DAY, 3 * DAY, 4 * DAY]);
    expect(history!.dimensions).toEqual([{ dimension: 'metrics', scores: [2, 3, 4] }]);
  });

  it('orders dimensions as the rubric does, and reads a renamed dimension under its new id', () => {
    const [history] = scoreHistories([rated(1, { extra: 2, 'old-structure': 1, metrics: 3 })], {
      dimensionOrder: { execution: ['structure', 'metrics'] },
      renamed: { execution: { 'old-structure': 'structure' } },
    });
    expect(history!.dimensions.map((each) => each.dimension)).toEqual(['structure', 'metrics', 'extra']);
  });

  it('one history per type, the most recently rated type first, at most `types`', () => {
    const histories = scoreHistories(
      [
        rated(1, { a: 1 }, 'execution'),
        rated(5, { a: 1 }, 'strategy'),
        rated(3, { a: 1 }, 'behavioural'),
        rated(9, { a: 1 }, 'execution'),
      ],
      { types: 2 },
    );
    expect(histories.map((each) => [each.interviewType, each.sessions.length])).toEqual([
      ['execution', 2],
      ['strategy', 1],
    ]);
  });

  it('nothing received, nothing to draw', () => {
    expect(scoreHistories([])).toEqual([]);
  });
});
