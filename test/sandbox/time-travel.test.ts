import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JobQueues } from '../../src/queue/job-queues.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { TimeTravel } from '../../src/sandbox/time-travel.ts';
import { createTestWorld, REDIS_URL, type TestWorld } from '../harness/test-world.ts';

/**
 * "Skip to the next thing" on real BullMQ queues (no workers here, so jobs stay where the skip
 * puts them): the clock moves to the earliest delayed job, that job is promoted, and a later one
 * stays exactly as far ahead on the sandbox clock as it was.
 */

const HOUR = 3_600_000;
let world: TestWorld;
let redis: Redis;
let queues: JobQueues;

beforeAll(async () => {
  world = await createTestWorld();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  queues = new JobQueues(redis, world.queuePrefix);
});

afterAll(async () => {
  await queues.close();
  redis.disconnect();
  await world.close();
});

it('moves the clock to the next job, promotes it, and keeps later jobs due on the sandbox clock', async () => {
  const clock = new SandboxClock();
  const travel = new TimeTravel({ clock, queues, db: world.db });
  const sessionId = randomUUID();
  const start = clock.nowMs();
  await queues.enqueue(
    'session-reminder',
    { sessionId, version: 1, beforeStartMs: 900_000 },
    { delayMs: HOUR },
  );
  await queues.enqueue('session-check-in', { sessionId, version: 1 }, { delayMs: 3 * HOUR });

  const upcoming = await travel.upcoming();
  expect(upcoming.map((thing) => thing.label)).toEqual([
    'Reminder, 15 min before a session',
    '“How did it go?” after a session',
  ]);
  expect(upcoming[0]!.at - start).toBeGreaterThanOrEqual(HOUR - 1_000);

  const skipped = await travel.skipToNext();
  expect(skipped?.label).toBe('Reminder, 15 min before a session');
  // The sandbox clock now stands at the reminder's time (however long the steps above took).
  expect(clock.nowMs()).toBeGreaterThanOrEqual(upcoming[0]!.at);
  expect(clock.offsetMs).toBeGreaterThan(HOUR - 60_000);
  const reminder = (await queues.queue('session-reminder').getJobs(['wait', 'prioritized', 'delayed']))[0]!;
  expect(await reminder.getState()).toBe('waiting');

  // The check-in was 3 h ahead; after a skip of 1 h it is 2 h ahead on the sandbox clock.
  const [next] = await travel.upcoming();
  expect(next?.label).toBe('“How did it go?” after a session');
  expect(Math.abs(next!.at - clock.nowMs() - 2 * HOUR)).toBeLessThan(2_000);
  expect(Math.abs(next!.at - (start + 3 * HOUR))).toBeLessThan(2_000);
});
