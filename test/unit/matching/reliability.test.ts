import { describe, expect, it } from 'vitest';
import { reliabilityByMember } from '../../../src/domain/matching/reliability.ts';
import { combineFactors } from '../../../src/domain/matching/score-pair.ts';

describe('reliabilityByMember', () => {
  it('leaves members without a record to the default', () => {
    expect(reliabilityByMember([], 0.9)).toEqual({});
  });

  it('one miss lowers a newcomer a little; a long record of misses a lot', () => {
    const once = reliabilityByMember([{ memberId: 'a', missed: true }], 0.9);
    expect(once.a).toBeCloseTo(2.7 / 4);
    const often = reliabilityByMember(
      Array.from({ length: 10 }, () => ({ memberId: 'b', missed: true })),
      0.9,
    );
    expect(often.b).toBeCloseTo(2.7 / 13);
    expect(often.b!).toBeLessThan(once.a!);
  });

  it('someone who always shows ends up above the default', () => {
    const steady = reliabilityByMember(
      Array.from({ length: 12 }, () => ({ memberId: 'c', missed: false })),
      0.9,
    );
    expect(steady.c!).toBeGreaterThan(0.9);
    expect(steady.c!).toBeLessThanOrEqual(1);
  });
});

describe('the reliability factor of a pair is fair', () => {
  const rules = { config: {}, now: 0, reliabilityOf: () => 0.9 } as never;
  const traits = (reliability: number) => ({
    timezoneOffsetMinutes: 0,
    waiting: 0,
    reliability,
    interviewing: 0.5,
    priority: 0,
  });
  const factor = (a: number, b: number) =>
    combineFactors(traits(a), traits(b), { overlapMinutes: 0, levelDistance: 0, lastPairedAt: undefined }, {
      ...(rules as object),
      config: { overlapSaturationMinutes: 60, maxLevelDistance: 1, cooldownDays: 0, noveltyRecoveryDays: 0 },
    } as never).reliability;

  it('gains nothing by grouping unreliable members together: every pairing of a pool totals the same', () => {
    const reliable = 1;
    const flaky = 0.5;
    const grouped = factor(reliable, reliable) + factor(flaky, flaky);
    const mixed = factor(reliable, flaky) + factor(reliable, flaky);
    expect(grouped).toBeCloseTo(mixed);
  });

  it('still lets the reliable member win a scarce partner', () => {
    expect(factor(0.9, 1)).toBeGreaterThan(factor(0.9, 0.5));
  });

  it('never moves the rate of the member who came: a no-show is the absent partner’s miss alone', () => {
    const rates = reliabilityByMember(
      [
        { memberId: 'came', missed: false },
        { memberId: 'absent', missed: true },
      ],
      0.9,
    );
    expect(rates.came).toBeGreaterThanOrEqual(0.9);
    expect(rates.absent).toBeLessThan(0.9);
  });
});
