import { Redis } from 'ioredis';
import pg from 'pg';
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

// Sessions are seeded to start a minute out and reminded a minute before: due the moment they
// are scheduled. A dead worker's reminders are taken over once their lock lapses: 5 s, as in
// production (the catalogue's lock for reminders; other queues' 30 s default would outlast the
// test).
const REMINDER_SECONDS = 60;

let world: TestWorld;
let redis: Redis;
let queues: JobQueues;
const workers: AppProcess[] = [];
let dbLock: pg.Client | undefined;
let answerSlack = () => {};

const workerEnv = () =>
  world.env({
    WORKER_LOCK_SECONDS: '5',
    // The call Slack holds must still be in flight at the kill, however slow this machine is.
    SLACK_API_TIMEOUT_MS: '60000',
    SHUTDOWN_TIMEOUT_MS: '2000',
    SESSION_REMINDERS_SECONDS: String(REMINDER_SECONDS),
    MATCH_SWEEP_INTERVAL_SECONDS: String(7 * 24 * 3600),
    // Off. Its first run comes at worker start, or later on a loaded machine; run after the seeding,
    // it finds the sessions without their follow-ups and queues them itself (18 here, when the
    // worker is started after the seeding). Jobs that read a session wait on the test's lock, each
    // holding one of the pool's 10 connections, so they can keep one of the five reminders that
    // must be in flight from starting: the one CI failure of this test saw four of five active,
    // after "reconciler repaired drift". This test is about the kill; test/e2e/reconciler.test.ts
    // covers the reconciler.
    RECONCILE_INTERVAL_SECONDS: '0',
  });
const reminderKey = (session: SeededSession) =>
  `session-${session.id}-v${session.version}-reminder-${REMINDER_SECONDS}s`;
const postsTo = (session: SeededSession) =>
  world.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === session.channelId);

async function scheduleReminders(sessions: SeededSession[]): Promise<void> {
  const timing = loadConfig(workerEnv()).sessions;
  for (const session of sessions) await queueSessionJobs(queues, session, timing, Date.now());
}

beforeAll(async () => {
  world = await createTestWorld();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  queues = new JobQueues(redis, world.queuePrefix);
});

afterAll(async () => {
  answerSlack();
  await dbLock?.end().catch(() => {});
  await Promise.all(workers.map((worker) => stopWorkerProcess(worker)));
  await queues?.close();
  redis?.disconnect();
  await world?.close();
});

it('a worker SIGKILLed with reminders in flight is replaced: none is lost, and only the one Slack held may come twice', async () => {
  const reminders = queues.queue('session-reminder');
  workers.push(await startWorkerProcess(workerEnv(), queues));

  const soon = Date.now() + REMINDER_SECONDS * 1000;
  // One reminder is inside chat.postMessage at the kill: Slack has it, we have no record of it.
  const [inSlack] = await seedConfirmedSessions(world.db, { startTimes: [soon], tag: 'SLACK' });
  // Five are due at once and will be held mid-job, each on a connection of the worker's database
  // pool (10). Well under it: a job that finds the pool full gives up after 2 s and goes back to
  // the queue as a failed attempt (retried, not lost, but no longer in flight at the kill).
  const dueNow = await seedConfirmedSessions(world.db, { startTimes: Array(5).fill(soon), tag: 'NOW' });
  // And four come due a few seconds later, queued after the crash (as the web role, still up, would
  // queue them) while no worker runs or a new one starts. Queued any earlier, a slow machine would
  // have them due before the kill, holding more of the pool.
  const dueLater = await seedConfirmedSessions(world.db, {
    startTimes: [6_000, 7_000, 8_000, 9_000].map((ms) => soon + ms),
    tag: 'LATER',
  });
  const delivered = [...dueNow, ...dueLater];

  const slackAnswers = new Promise<void>((resolve) => {
    answerSlack = resolve;
  });
  world.fake.on('chat.postMessage', async (call, next) => {
    if (call.args.channel === inSlack!.channelId) await slackAnswers;
    return next();
  });
  await scheduleReminders([inSlack!]);
  await world.fake.waitForCall('chat.postMessage', (call) => call.args.channel === inSlack!.channelId);

  // The others are held mid-job, before they reach Slack, on a lock the test holds on the
  // sessions table: the worker has taken them (they are active in BullMQ) and is running them.
  dbLock = new pg.Client({ connectionString: world.databaseUrl });
  await dbLock.connect();
  await dbLock.query('BEGIN');
  await dbLock.query('LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE');
  await scheduleReminders(dueNow);
  // The reminder Slack holds is not waited for here: its call stays in flight until answerSlack
  // (the fake holds it), whatever BullMQ shows. Its job is normally still active, but three CI runs
  // found it not to be, most likely a lock lost to a starved worker: the job is then run again
  // beside its first run, which is allowed (the send claim keeps the two from both posting), and
  // what follows checks the outcome either way.
  try {
    await expect
      .poll(async () => (await reminders.getActive()).map((job) => job.id), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(dueNow.map(reminderKey)));
  } catch (error) {
    throw new Error(`reminders not in flight:\n${workers[0]!.stdout().slice(-6_000)}`, { cause: error });
  }

  workers[0]!.child.kill('SIGKILL');
  expect(await workers[0]!.exited()).toEqual({ code: null, signal: 'SIGKILL' });
  await scheduleReminders(dueLater);
  await dbLock.query('ROLLBACK');
  await dbLock.end();
  dbLock = undefined;

  workers.push(await startWorkerProcess(workerEnv(), queues));

  // Every reminder the dead worker had not sent arrives: those it was running and those that came
  // due after the crash.
  await Promise.all(
    delivered.map((session) =>
      world.fake.waitForCall('chat.postMessage', (call) => call.args.channel === session.channelId, 20_000),
    ),
  );
  await expect
    .poll(() => world.db.sentMessage.count({ where: { key: { in: delivered.map(reminderKey) } } }))
    .toBe(delivered.length);
  await expect
    .poll(() => reminders.getJobCounts('completed', 'failed'))
    .toEqual({ completed: delivered.length, failed: 0 });

  // The reminder that was inside Slack's call when its worker died is taken over too…
  await expect
    .poll(async () => (await reminders.getJob(reminderKey(inSlack!)))?.stalledCounter, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(1);
  // Slack answers again (the dead worker's call and any later one for this channel go through)…
  answerSlack();
  // …and, once the dead worker's short claim on the send has lapsed (seconds), it is sent again: we cannot
  // know whether Slack posted it, so at-least-once means this one reminder may arrive twice. That
  // is the only duplicate the issue allows: one per job in flight at the kill.
  await expect
    .poll(() => world.db.sentMessage.count({ where: { key: reminderKey(inSlack!) } }), { timeout: 30_000 })
    .toBe(1);
  await expect
    .poll(async () => (await reminders.getJob(reminderKey(inSlack!)))?.getState())
    .toBe('completed');
  expect(postsTo(inSlack!).length).toBeGreaterThanOrEqual(1);
  expect(postsTo(inSlack!).length).toBeLessThanOrEqual(2);

  // None of the others twice.
  for (const session of delivered) expect(postsTo(session), session.channelId).toHaveLength(1);
  expect(workers[1]!.child.exitCode).toBeNull();
}, 60_000);
