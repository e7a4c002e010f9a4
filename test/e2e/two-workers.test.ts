import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from '../harness/app-process.ts';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

// Scaling out is "start another worker process on the same Redis and PostgreSQL". Each worker
// process here talks to Slack with a token of its own, so the fake Slack can tell who ran what.
const WORKER_TOKENS = ['xoxb-worker-one', 'xoxb-worker-two'];
const BURST = 200;
const members = Array.from({ length: BURST }, (_, index) => `U0BURST${String(index).padStart(3, '0')}`);

let world: TestWorld;
let producer: TestApp;
const workers: AppProcess[] = [];

beforeAll(async () => {
  world = await createTestWorld();
  for (const token of WORKER_TOKENS) {
    world.fake.addToken(token, { kind: 'bot', teamId: world.fake.teamId, userId: world.fake.botUserId });
  }
  for (const member of members) world.fake.setUser(member, { tz: 'Europe/Lisbon' });
  // Each profile read takes a moment, as Slack's do, so a burst spreads over both processes.
  world.fake.delay('users.info', 20);
  // A web-only app in this process enqueues; only the two worker processes run jobs.
  producer = await startTestApp(world, { env: { MOCKINGBIRD_ROLES: 'web' } });
  workers.push(
    ...WORKER_TOKENS.map((token) =>
      startAppProcess(world.env({ MOCKINGBIRD_ROLES: 'worker', SLACK_BOT_TOKEN: token, LOG_LEVEL: 'info' })),
    ),
  );
  await Promise.all(workers.map((worker) => worker.waitForLog(/Mockingbird is running/, 30_000)));
}, 60_000);

afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGTERM');
  await Promise.all(workers.map((worker) => worker.exited()));
  await producer?.stop();
  await world?.close();
});

describe('two worker processes on one Redis', () => {
  it(`share a burst of ${BURST} jobs, and none runs twice`, async () => {
    await Promise.all(
      members.map((slackUserId) =>
        producer.queues.enqueue('refresh-member-profile', { slackTeamId: world.fake.teamId, slackUserId }),
      ),
    );

    const reads = await world.fake.waitForCalls('users.info', BURST, 30_000);
    const queue = producer.queues.queue('refresh-member-profile');
    await expect
      .poll(() => queue.getJobCounts('waiting', 'active', 'delayed', 'failed'), { timeout: 10_000 })
      .toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });

    // Every job's one side effect happened exactly once: no member's profile was read twice…
    const perMember = new Map<string, number>();
    for (const call of world.fake.callsTo('users.info')) {
      const user = String(call.args.user);
      perMember.set(user, (perMember.get(user) ?? 0) + 1);
    }
    expect([...perMember.keys()].sort()).toEqual(members);
    expect([...perMember.values()].every((count) => count === 1)).toBe(true);
    expect(world.fake.callsTo('users.info')).toHaveLength(BURST);
    // …and both processes took part.
    const byWorker = WORKER_TOKENS.map((token) => reads.filter((call) => call.token === token).length);
    expect(
      byWorker.every((count) => count > 0),
      `jobs per worker: ${byWorker.join(', ')}`,
    ).toBe(true);
  });
});
