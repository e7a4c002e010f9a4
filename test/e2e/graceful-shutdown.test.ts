import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JobQueues } from '../../src/queue/job-queues.ts';
import { startAppProcess } from '../harness/app-process.ts';
import { createTestWorld, REDIS_URL, TEST_TEAM_ID, type TestWorld } from '../harness/test-world.ts';

let world: TestWorld;

beforeAll(async () => {
  world = await createTestWorld();
});

afterAll(async () => {
  await world?.close();
});

it('SIGTERM lets the in-flight job finish, closes connections and exits 0', async () => {
  const workspace = await world.db.workspace.create({ data: { slackTeamId: TEST_TEAM_ID } });
  await world.db.member.create({ data: { workspaceId: workspace.id, slackUserId: 'U0ANA' } });
  world.fake.setUser('U0ANA', { tz: 'America/New_York' });
  // Slack answers slowly, so the job is still waiting on it when the signal arrives.
  world.fake.delay('users.info', 1_500);

  const worker = startAppProcess(world.env({ MOCKINGBIRD_ROLES: 'worker', LOG_LEVEL: 'info' }));
  await worker.waitForLog(/Mockingbird is running/);

  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const queues = new JobQueues(redis, world.queuePrefix);
  try {
    await queues.enqueue('refresh-member-profile', { slackTeamId: TEST_TEAM_ID, slackUserId: 'U0ANA' });
    await world.fake.waitForCall('users.info', (call) => call.args.user === 'U0ANA', 10_000);

    worker.child.kill('SIGTERM');
    const { code } = await worker.exited();

    expect(code).toBe(0);
    expect(worker.stdout()).toMatch(/stopped cleanly/);
    const member = await world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0ANA' } });
    expect(member.timezone).toBe('America/New_York');
    const counts = await queues.queue('refresh-member-profile').getJobCounts('active', 'wait', 'failed');
    expect(counts).toEqual({ active: 0, wait: 0, failed: 0 });
  } finally {
    await queues.close();
    redis.disconnect();
    if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  }
});
