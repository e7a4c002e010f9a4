import { describe, expect, it } from 'vitest';
import { reliabilityByMember } from '../../../src/domain/matching/reliability.ts';

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
