import { describe, expect, it } from 'vitest';
import { deliveryAttempts, deliveryDelayMs } from '../../../src/queue/delivery-retry.ts';
import { DEFAULT_DELIVERY_RETRY } from '../../../src/queue/job-queues.ts';

const totalWaitMs = (attempts: number, policy = DEFAULT_DELIVERY_RETRY) =>
  Array.from({ length: attempts - 1 }, (_, index) => deliveryDelayMs(index + 1, policy)).reduce(
    (a, b) => a + b,
    0,
  );

describe('how long a message to members keeps trying', () => {
  it('covers at least two hours by default, with no wait longer than ten minutes', () => {
    const attempts = deliveryAttempts(DEFAULT_DELIVERY_RETRY);
    expect(totalWaitMs(attempts)).toBeGreaterThanOrEqual(2 * 3600_000);
    // …and not much more: one attempt fewer would fall short.
    expect(totalWaitMs(attempts - 1)).toBeLessThan(2 * 3600_000);
    for (let attempt = 1; attempt < attempts; attempt++) {
      expect(deliveryDelayMs(attempt, DEFAULT_DELIVERY_RETRY)).toBeLessThanOrEqual(10 * 60_000);
    }
  });

  it('starts quickly: a blip costs seconds, not minutes', () => {
    expect([1, 2, 3, 4].map((attempt) => deliveryDelayMs(attempt, DEFAULT_DELIVERY_RETRY))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('outlasts the outage that used to lose an intro: 5xx for five minutes', () => {
    // The old policy (8 attempts, exponential from 2 s) gave up after 2 + 4 + … + 128 = 254 s.
    expect(totalWaitMs(deliveryAttempts(DEFAULT_DELIVERY_RETRY))).toBeGreaterThan(5 * 60_000);
  });

  it('a window shorter than the first wait still gets one retry', () => {
    expect(deliveryAttempts({ baseMs: 1_000, capMs: 1_000, windowMs: 10 })).toBe(2);
  });
});
