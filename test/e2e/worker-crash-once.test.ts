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
import { createTestWorld, REDIS_URL, type TestWorld } from '../harness/test-world.ts';
import { startWorkerProcess, stopWorkerProcess } from '../harness/worker-process.ts';

// A worker is SIGKILLed with two reminders inside chat.postMessage: Slack has posted one of them
// and not yet answered, and has not acted on the other at all. Its replacement must post the
// second and not the first. Sessions start a minute out and are reminded a minute before: due at
// once. 2 s locks, as in worker-crash.test.ts, so the takeover happens within the test.
const REMINDER_SECONDS = 60;

let world: TestWorld;
let redis: Redis;
let queues: JobQueues;
const workers: AppProcess[] = [];
let releaseSlack = () => {};

const workerEnv = () =>
  world.env({
    WORKER_LOCK_SECONDS: '2',
    SHUTDOWN_TIMEOUT_MS: '2000',
    SESSION_REMINDERS_SECONDS: String(REMINDER_SECONDS),
    MATCH_SWEEP_INTERVAL_SECONDS: String(7 * 24 * 3600),
  });
const reminderKey = (session: SeededSession) =>
  `session-${session.id}-v${session.version}-reminder-${REMINDER_SECONDS}s`;
const postsTo = (session: SeededSession) =>
  world.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === session.channelId);

beforeAll(async () => {
  world = await createTestWorld();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  queues = new JobQueues(redis, world.queuePrefix);
});

afterAll(async () => {
  releaseSlack();
  await Promise.all(workers.map((worker) => stopWorkerProcess(worker)));
  await queues?.close();
  redis?.disconnect();
  await world?.close();
});

it('a reminder Slack posted just before its worker died is not posted again; one Slack never took is', async () => {
  const soon = Date.now() + REMINDER_SECONDS * 1000;
  const [posted, neverTaken] = await seedConfirmedSessions(world.db, {
    startTimes: [soon, soon],
    tag: 'ONCE',
  });
  const slackHolds = new Promise<void>((resolve) => {
    releaseSlack = resolve;
  });
  world.fake.on('chat.postMessage', async (call, next) => {
    if (call.args.channel === posted!.channelId && postsTo(posted!).length === 1) {
      // Slack posts the message, then its answer is held until the worker that asked is dead.
      const answer = next();
      await slackHolds;
      return answer;
    }
    if (call.args.channel === neverTaken!.channelId && postsTo(neverTaken!).length === 1) {
      // The request is held without being acted on, and then dropped: nothing was posted.
      await slackHolds;
      return { ok: false, error: 'fatal_error' };
    }
    return undefined;
  });

  workers.push(await startWorkerProcess(workerEnv(), queues));
  const timing = loadConfig(workerEnv()).sessions;
  for (const session of [posted!, neverTaken!]) await queueSessionJobs(queues, session, timing, Date.now());
  await world.fake.waitForCall('chat.postMessage', (call) => call.args.channel === posted!.channelId);
  await world.fake.waitForCall('chat.postMessage', (call) => call.args.channel === neverTaken!.channelId);
  expect(world.fake.messagesIn(posted!.channelId)).toHaveLength(1);
  expect(world.fake.messagesIn(neverTaken!.channelId)).toHaveLength(0);

  workers[0]!.child.kill('SIGKILL');
  expect(await workers[0]!.exited()).toEqual({ code: null, signal: 'SIGKILL' });
  releaseSlack();
  workers.push(await startWorkerProcess(workerEnv(), queues));

  // The replacement takes both over once the dead worker's claims on the sends lapse (seconds).
  await expect
    .poll(
      () =>
        world.db.sentMessage.count({
          where: { key: { in: [reminderKey(posted!), reminderKey(neverTaken!)] } },
        }),
      { timeout: 30_000 },
    )
    .toBe(2);
  const reminders = queues.queue('session-reminder');
  await expect.poll(() => reminders.getJobCounts('completed', 'failed')).toEqual({ completed: 2, failed: 0 });

  // The one Slack had: found in the group DM by its stamp, recorded, not posted a second time.
  const [message] = world.fake.messagesIn(posted!.channelId);
  expect(postsTo(posted!)).toHaveLength(1);
  expect(world.fake.messagesIn(posted!.channelId)).toHaveLength(1);
  expect(await world.db.sentMessage.findUnique({ where: { key: reminderKey(posted!) } })).toMatchObject({
    channelId: posted!.channelId,
    ts: message!.ts,
  });

  // The one Slack never acted on: posted by the replacement, once.
  const delivered = world.fake.messagesIn(neverTaken!.channelId);
  expect(delivered).toHaveLength(1);
  expect(postsTo(neverTaken!)).toHaveLength(2);
  expect(await world.db.sentMessage.findUnique({ where: { key: reminderKey(neverTaken!) } })).toMatchObject({
    ts: delivered[0]!.ts,
  });
  // Each looked the group DM up once before deciding; nothing is left marked as in flight.
  expect(
    world.fake
      .callsTo('conversations.history')
      .map((call) => call.args.channel)
      .sort(),
  ).toEqual([posted!.channelId, neverTaken!.channelId].sort());
  expect(await world.db.sentMessage.count({ where: { key: { endsWith: '#attempt' } } })).toBe(0);
}, 60_000);
