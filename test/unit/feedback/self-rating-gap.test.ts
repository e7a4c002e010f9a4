import { describe, expect, it } from 'vitest';
import { selfRatingGaps } from '../../../src/domain/feedback/self-rating-gap.ts';

describe('selfRatingGaps', () => {
  it('compares self and partner ratings of the same sessions only', () => {
    const gaps = selfRatingGaps([
      { at: 1, interviewType: 'execution', self: { metrics: 4, structure: 3 }, partner: { metrics: 2 } },
      { at: 2, interviewType: 'execution', self: { metrics: 3 }, partner: { metrics: 3, structure: 1 } },
      { at: 3, interviewType: 'execution', self: {}, partner: { metrics: 1 } },
    ]);
    expect(gaps).toEqual([
      {
        interviewType: 'execution',
        dimension: 'metrics',
        count: 2,
        selfAverage: 3.5,
        partnerAverage: 2.5,
        gap: 1,
        recentGap: 1,
      },
    ]);
  });

  it('shows whether the gap is closing: the recent gap covers the latest sessions only', () => {
    const sessions = [
      { at: 5, self: { structure: 3 }, partner: { structure: 3 } },
      { at: 1, self: { structure: 4 }, partner: { structure: 1 } },
      { at: 2, self: { structure: 4 }, partner: { structure: 1 } },
      { at: 3, self: { structure: 3 }, partner: { structure: 3 } },
      { at: 4, self: { structure: 2 }, partner: { structure: 3 } },
    ].map((each) => ({ ...each, interviewType: 'behavioural' }));
    const [gap] = selfRatingGaps(sessions);
    expect(gap!.gap).toBeCloseTo((16 - 11) / 5);
    expect(gap!.recentGap).toBeCloseTo((8 - 9) / 3);
  });

  it('keeps interview types apart', () => {
    const gaps = selfRatingGaps([
      { at: 1, interviewType: 'execution', self: { structure: 4 }, partner: { structure: 2 } },
      { at: 2, interviewType: 'strategy', self: { structure: 1 }, partner: { structure: 3 } },
    ]);
    expect(gaps.map((each) => [each.interviewType, each.gap])).toEqual([
      ['execution', 2],
      ['strategy', -2],
    ]);
  });
});
