import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { JobQueues } from '../../src/queue/job-queues.ts';
import type { AppProcess } from '../harness/app-process.ts';
import {
  queueSessionJobs,
  type SeededSession,
  seedConfirmedSessions,
} from '../harness/confirmed-sessions.ts';
import { type OwnedRedis, startOwnedRedis } from '../harness/owned-redis.ts';
import { createTestWorld, type TestWorld } from '../harness/test-world.ts';
import { healthUrl, startWorkerProcess, stopWorkerProcess } from '../harness/worker-process.ts';

// Reminders a minute before sessions seeded to start a minute (plus a few seconds) from now.
const REMINDER_SECONDS = 60;
const OUTAGE_MS = 4_000;

let world: TestWorld;
let ownedRedis: OwnedRedis;
let redis: Redis;
let queues: JobQueues;
let worker: AppProcess | undefined;

const workerEnv = () =>
  world.env({
    REDIS_URL: ownedRedis.url,
    // A job taken at the instant Redis died is locked to a worker that never heard back; it is
    // taken over after one or two lock durations: seconds here, 30–60 s with production's default.
    WORKER_LOCK_SECONDS: '2',
    SHUTDOWN_TIMEOUT_MS: '2000',
    SESSION_REMINDERS_SECONDS: String(REMINDER_SECONDS),
    MATCH_SWEEP_INTERVAL_SECONDS: String(7 * 24 * 3600),
  });
const reminderKey = (session: SeededSession) =>
  `session-${session.id}-v${session.version}-reminder-${REMINDER_SECONDS}s`;
const postsTo = (session: SeededSession) =>
  world.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === session.channelId);
const healthStatus = async () => (await fetch(healthUrl(worker!))).status;

/** A session start whose reminder falls due `dueInMs` from now. */
const startIn = (dueInMs: number) => Date.now() + REMINDER_SECONDS * 1000 + dueInMs;

beforeAll(async () => {
  [world, ownedRedis] = await Promise.all([createTestWorld(), startOwnedRedis()]);
  redis = new Redis(ownedRedis.url, { maxRetriesPerRequest: 1 });
  // The test's own connection sees the outage too; its errors are expected, not news.
  redis.on('error', () => {});
  queues = new JobQueues(redis, world.queuePrefix);
  for (const queue of queues.all()) queue.on('error', () => {});
});

afterAll(async () => {
  await stopWorkerProcess(worker);
  await queues?.close().catch(() => {});
  redis?.disconnect();
  await ownedRedis?.close();
  await world?.close();
});

it('Redis going away for seconds loses no queued reminder, and the same worker carries on by itself', async () => {
  worker = await startWorkerProcess(workerEnv(), queues);
  const pid = worker.child.pid;
  expect(await healthStatus()).toBe(200);

  // Two reminders go out while all is well…
  const before = await seedConfirmedSessions(world.db, {
    startTimes: [startIn(0), startIn(0)],
    tag: 'BEFORE',
  });
  const timing = loadConfig(workerEnv()).sessions;
  for (const session of before) await queueSessionJobs(queues, session, timing, Date.now());
  await Promise.all(
    before.map((session) =>
      world.fake.waitForCall('chat.postMessage', (call) => call.args.channel === session.channelId),
    ),
  );
  // …then four more are queued to fall due while Redis is down, and two after it is back. Their
  // delays count from just before the outage, so a slow database cannot move them ahead of it:
  // a send that the outage cuts off mid-way keeps its SlackOutbound claim and waits minutes for
  // it to lapse, which is not what this test is about.
  const dueInMs = [2_000, 2_500, 3_000, 3_500, 6_000, 7_000];
  const later = await seedConfirmedSessions(world.db, { startTimes: dueInMs.map(startIn), tag: 'OUT' });
  const sessions = [...before, ...later];
  await expect.poll(() => queues.queue('session-reminder').getJobCounts('active')).toEqual({ active: 0 });
  const queuedAt = Date.now();
  for (const [index, session] of later.entries()) {
    await queues.enqueue(
      'session-reminder',
      { sessionId: session.id, version: session.version, beforeStartMs: REMINDER_SECONDS * 1000 },
      { delayMs: dueInMs[index] },
    );
  }

  // Redis dies outright (SIGKILL): the reminders still to come now exist only in its append-only
  // file. /health says so within a probe or two.
  const stoppedAt = Date.now();
  await ownedRedis.stop();
  await expect.poll(healthStatus, { timeout: OUTAGE_MS }).toBe(503);
  await new Promise((resolve) => setTimeout(resolve, stoppedAt + OUTAGE_MS - Date.now()));
  const dueInOutage = later.filter((_, index) => queuedAt + dueInMs[index]! < Date.now());
  expect(dueInOutage.length).toBeGreaterThanOrEqual(2);
  for (const session of dueInOutage) expect(postsTo(session)).toHaveLength(0);
  await ownedRedis.start();

  await Promise.all(
    sessions.map((session) =>
      world.fake.waitForCall('chat.postMessage', (call) => call.args.channel === session.channelId, 20_000),
    ),
  );
  await expect.poll(healthStatus, { timeout: 10_000 }).toBe(200);
  await expect
    .poll(() => world.db.sentMessage.count({ where: { key: { in: sessions.map(reminderKey) } } }))
    .toBe(sessions.length);
  for (const session of sessions) expect(postsTo(session), session.channelId).toHaveLength(1);

  // The worker that lived through the outage sent them: no restart, no crash, just reconnects.
  expect(worker.child.pid).toBe(pid);
  expect(worker.child.exitCode).toBeNull();
  expect(worker.stdout()).toMatch(/Redis is unreachable/);
}, 60_000);
