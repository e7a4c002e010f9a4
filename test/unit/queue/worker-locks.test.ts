import { describe, expect, it } from 'vitest';
import { jobCatalogue, jobDefinition } from '../../../src/queue/catalogue.ts';
import { lockSettings } from '../../../src/queue/start-workers.ts';

describe('lockSettings', () => {
  it.each([
    {
      case: 'a job without a lock of its own keeps the workers’ lock, checked once per lock',
      jobLockMs: undefined,
      workerLockMs: 30_000,
      expected: { lockDuration: 30_000, stalledInterval: 30_000, maxStalledCount: 2 },
    },
    {
      case: 'a short-locked job is checked every second and may stall a few times',
      jobLockMs: 5_000,
      workerLockMs: 30_000,
      expected: { lockDuration: 5_000, stalledInterval: 1_000, maxStalledCount: 3 },
    },
    {
      case: 'workers configured shorter still (tests) win over the job’s lock',
      jobLockMs: 5_000,
      workerLockMs: 2_000,
      expected: { lockDuration: 2_000, stalledInterval: 2_000, maxStalledCount: 2 },
    },
  ])('$case', ({ jobLockMs, workerLockMs, expected }) => {
    expect(lockSettings(jobLockMs, workerLockMs)).toEqual(expected);
  });
});

describe('the catalogue’s time-critical jobs', () => {
  it('gives reminders, intros, nudges and announcements a lock of seconds, and matching the default', () => {
    for (const name of [
      'session-reminder',
      'post-session-intro',
      'session-confirm-nudge',
      'session-announce',
    ] as const) {
      expect(jobDefinition(name).lockMs, name).toBeLessThanOrEqual(5_000);
      expect(jobDefinition(name).delivers, name).toBe(true);
    }
    expect(jobCatalogue['match-pool'].lockMs).toBeUndefined();
  });
});
