import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { sessionJobs } from '../../src/domain/scheduling/session-jobs.ts';
import { JobQueues } from '../../src/queue/job-queues.ts';
import type { JobRequest, OutboxEntry } from '../../src/queue/job-request.ts';
import { queueFollowUps } from '../../src/workflows/outbox.ts';
import type { AppProcess } from '../harness/app-process.ts';
import { type SeededSession, seedConfirmedSessions } from '../harness/confirmed-sessions.ts';
import { createTestWorld, REDIS_URL, type TestWorld } from '../harness/test-world.ts';
import { startWorkerProcess, stopWorkerProcess } from '../harness/worker-process.ts';

/**
 * A worker SIGKILLed while its relay is carrying outbox rows over to Redis (a batch's jobs partly
 * added, its rows not yet stamped): the rows stay pending, the next worker relays them again, and
 * BullMQ's job ids turn the repeats into no-ops. Every reminder is sent, each once.
 */
const SESSIONS = 1_200;
const REMINDER_SECONDS = 60;

let world: TestWorld;
let redis: Redis;
let queues: JobQueues;
const workers: AppProcess[] = [];

const workerEnv = () =>
  world.env({
    WORKER_LOCK_SECONDS: '2',
    SHUTDOWN_TIMEOUT_MS: '2000',
    SESSION_REMINDERS_SECONDS: String(REMINDER_SECONDS),
    MATCH_SWEEP_INTERVAL_SECONDS: String(7 * 24 * 3600),
  });

beforeAll(async () => {
  world = await createTestWorld();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  queues = new JobQueues(redis, world.queuePrefix);
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => stopWorkerProcess(worker)));
  await queues?.close();
  redis?.disconnect();
  await world?.close();
});

it('killing the worker mid-relay loses no follow-up and sends none twice', async () => {
  // Reminders due 12 s from now, written to the outbox as confirmations would write them.
  const startsAt = Date.now() + REMINDER_SECONDS * 1000 + 12_000;
  const sessions: SeededSession[] = await seedConfirmedSessions(world.db, {
    startTimes: Array.from({ length: SESSIONS }, () => startsAt),
    tag: 'RELAY',
  });
  const timing = loadConfig(workerEnv()).sessions;
  const entries = sessions.flatMap((session) =>
    sessionJobs(session, timing, Date.now())
      .filter((job) => job.name === 'session-reminder')
      .map((job): OutboxEntry => ({ action: 'enqueue', job: job as JobRequest })),
  );
  await queueFollowUps(world.db, entries);
  expect(await world.db.outboxEntry.count({ where: { relayedAt: null } })).toBe(SESSIONS);

  const first = await startWorkerProcess(workerEnv(), queues);
  workers.push(first);
  // Killed as soon as its relay has put some reminders in Redis and not yet all of them.
  const reminders = queues.queue('session-reminder');
  // Counted in every state: on a slow machine the first ones may already be due (no longer
  // delayed) by the time the worker is up and the relay has run.
  await expect
    .poll(() => reminders.getJobCountByTypes('delayed', 'wait', 'active', 'completed'), {
      interval: 5,
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  first.child.kill('SIGKILL');
  await first.exited();
  const pendingAtKill = await world.db.outboxEntry.count({ where: { relayedAt: null } });
  const queuedAtKill = await reminders.getJobCountByTypes('delayed', 'wait', 'active', 'completed');
  expect(queuedAtKill).toBeLessThan(SESSIONS);
  expect(pendingAtKill).toBeGreaterThan(0);

  const second = await startWorkerProcess(workerEnv(), queues);
  workers.push(second);
  await expect
    .poll(() => world.db.outboxEntry.count({ where: { relayedAt: null } }), { timeout: 20_000 })
    .toBe(0);
  await expect
    .poll(() => reminders.getJobCountByTypes('delayed', 'wait', 'active', 'completed'))
    .toBe(SESSIONS);

  // Every reminder goes out once, at its time.
  await expect
    .poll(() => world.fake.callsTo('chat.postMessage').length, { timeout: 40_000, interval: 250 })
    .toBe(SESSIONS);
  const perChannel = new Map<string, number>();
  for (const call of world.fake.callsTo('chat.postMessage')) {
    const channel = String(call.args.channel);
    perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
  }
  expect(perChannel.size).toBe(SESSIONS);
  expect([...perChannel.values()].every((count) => count === 1)).toBe(true);
}, 120_000);
