import { describe, expect, it } from 'vitest';
import { findCompatibility } from '../../../src/domain/matching/compatibility.ts';
import { DEFAULT_MATCHING_CONFIG, matchingConfig } from '../../../src/domain/matching/config.ts';
import { DAY_MS, HOUR_MS, type MatchingRules } from '../../../src/domain/matching/matching-rules.ts';
import { scorePair, scoreToWeight, timezoneCloseness } from '../../../src/domain/matching/score-pair.ts';
import type { MatchingContext, OpenRequest } from '../../../src/domain/matching/types.ts';
import { hoursFromNow, NOW, request, rulesFor } from './request-fixtures.ts';

function score(a: OpenRequest, b: OpenRequest, rules: MatchingRules = rulesFor()) {
  const pair = findCompatibility(a, b, rules);
  if (!pair.compatible) throw new Error(`fixture pair is not compatible: ${pair.reason}`);
  return scorePair(a, b, pair, rules);
}

type Tweak = [Partial<OpenRequest>, Partial<OpenRequest>, Partial<MatchingContext>];

describe('scorePair: every factor moves the score the right way', () => {
  it.each<[string, Tweak, Tweak]>([
    // [what, the better pair, the worse pair]
    [
      'more shared time',
      [{ availability: [hoursFromNow(30, 4)] }, { availability: [hoursFromNow(30, 4)] }, {}],
      [{}, { availability: [hoursFromNow(31, 1)] }, {}],
    ],
    [
      'closer clocks',
      [{ timezoneOffsetMinutes: 60 }, { timezoneOffsetMinutes: 0 }, {}],
      [{ timezoneOffsetMinutes: 300 }, { timezoneOffsetMinutes: 0 }, {}],
    ],
    [
      'same level',
      [{ level: 'STAFF' }, { level: 'STAFF' }, {}],
      [{ level: 'STAFF' }, { level: 'SENIOR' }, {}],
    ],
    ['waited longer', [{ createdAt: NOW - 3 * DAY_MS }, {}, {}], [{ createdAt: NOW - HOUR_MS }, {}, {}]],
    [
      'never paired',
      [{ memberId: 'UA' }, { memberId: 'UB' }, {}],
      [
        { memberId: 'UA' },
        { memberId: 'UB' },
        { recentPairings: [{ memberA: 'UA', memberB: 'UB', pairedAt: NOW - 20 * DAY_MS }] },
      ],
    ],
    [
      'paired longer ago',
      [
        { memberId: 'UA' },
        { memberId: 'UB' },
        { recentPairings: [{ memberA: 'UA', memberB: 'UB', pairedAt: NOW - 40 * DAY_MS }] },
      ],
      [
        { memberId: 'UA' },
        { memberId: 'UB' },
        { recentPairings: [{ memberA: 'UA', memberB: 'UB', pairedAt: NOW - 16 * DAY_MS }] },
      ],
    ],
    [
      'more reliable',
      [{ memberId: 'UA' }, { memberId: 'UB' }, { reliability: { UA: 1, UB: 1 } }],
      [{ memberId: 'UA' }, { memberId: 'UB' }, { reliability: { UA: 1, UB: 0.4 } }],
    ],
    ['left out last time', [{ priority: true }, {}, {}], [{}, {}, {}]],
  ])('%s scores higher', (_name, [betterA, betterB, betterContext], [worseA, worseB, worseContext]) => {
    const better = score(request(betterA), request(betterB), rulesFor(betterContext));
    const worse = score(request(worseA), request(worseB), rulesFor(worseContext));
    expect(better.score).toBeGreaterThan(worse.score);
  });

  it('ignores a factor whose weight is zero', () => {
    const rules = rulesFor({}, matchingConfig({ weights: { timezone: 0 } }));
    const near = score(request({ timezoneOffsetMinutes: 0 }), request({ timezoneOffsetMinutes: 0 }), rules);
    const far = score(
      request({ timezoneOffsetMinutes: -300 }),
      request({ timezoneOffsetMinutes: 300 }),
      rules,
    );
    expect(far.score).toBe(near.score);
  });

  it('stays within [0, sum of weights] and is symmetric', () => {
    const maximum = Object.values(DEFAULT_MATCHING_CONFIG.weights).reduce((sum, w) => sum + w, 0);
    const best = request({ availability: [hoursFromNow(1, 8)], createdAt: NOW - 9 * DAY_MS, priority: true });
    const other = request({
      availability: [hoursFromNow(1, 8)],
      createdAt: NOW - 9 * DAY_MS,
      priority: true,
    });
    const rules = rulesFor({
      reliability: { [best.memberId]: 1, [other.memberId]: 1 },
      interviewerQuality: { [best.memberId]: 1, [other.memberId]: 1 },
    });
    expect(score(best, other, rules).score).toBe(maximum);
    const worst = request({
      availability: [hoursFromNow(30, 1)],
      createdAt: NOW,
      level: 'STAFF',
      timezoneOffsetMinutes: 720,
    });
    const pair = score(worst, request({ availability: [hoursFromNow(30, 1)], createdAt: NOW }));
    expect(pair.score).toBeGreaterThanOrEqual(0);
    expect(pair.score).toBe(
      score(request({ ...worst, id: 'x' }), request({ availability: [hoursFromNow(30, 1)], createdAt: NOW }))
        .score,
    );
  });

  it('reports the factors it used, each in 0..1', () => {
    const { factors } = score(request({ timezoneOffsetMinutes: 330 }), request({ timezoneOffsetMinutes: 0 }));
    for (const value of Object.values(factors)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(factors.timezone).toBeCloseTo(1 - 330 / 720);
  });
});

describe('timezoneCloseness', () => {
  it.each([
    [0, 0, 1],
    [0, 720, 0],
    [-600, 780, 1 - 60 / 720], // UTC−10 and UTC+13 are an hour apart round the clock
    [330, 345, 1 - 15 / 720],
  ])('%i vs %i minutes → %f', (a, b, expected) => {
    expect(timezoneCloseness(a, b)).toBeCloseTo(expected);
    expect(timezoneCloseness(b, a)).toBeCloseTo(expected);
  });
});

describe('scoreToWeight', () => {
  it('turns scores into integers in units of the resolution', () => {
    expect(scoreToWeight(73.45, 0.01)).toBe(7345);
    expect(scoreToWeight(0.1 + 0.2, 0.01)).toBe(30);
    expect(scoreToWeight(73.3, 0.5)).toBe(147);
  });

  it('prefers a partner their interviewees rated well, and treats the unrated as the middle of the scale', () => {
    const a = request({ availability: [hoursFromNow(1, 4)] });
    const good = request({ availability: [hoursFromNow(1, 4)] });
    const unrated = request({ availability: [hoursFromNow(1, 4)] });
    const rules = rulesFor({ interviewerQuality: { [good.memberId]: 0.9 } });
    const withGood = score(a, good, rules);
    const withUnrated = score(a, unrated, rules);
    expect(withGood.score).toBeGreaterThan(withUnrated.score);
    expect(withUnrated.factors.interviewing).toBeCloseTo(0.5);
  });
});
