import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { textOf } from '../harness/slack-messages.ts';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

// A deployment can give matching a process of its own (WORKER_QUEUES): the workers that send
// reminders leave match-pool alone, and a matcher takes only that queue.
let world: TestWorld;
const apps: TestApp[] = [];

beforeAll(async () => {
  world = await createTestWorld();
  for (const user of ['U0ANA', 'U0BO']) world.fake.setUser(user, { tz: 'Europe/London' });
});

afterAll(async () => {
  for (const app of apps.reverse()) await app.stop();
  await world?.close();
});

it('a worker that leaves match-pool never matches; a matcher process does', async () => {
  const app = await startTestApp(world, { env: { WORKER_QUEUES: '-match-pool' } });
  apps.push(app);
  await app.slack.command('U0ANA', '/mock', 'behavioural 30min now');
  await app.slack.command('U0BO', '/mock', 'behavioural 30min now');

  // The requests' follow-ups reach Redis through the outbox together: their Home tabs are
  // published (this worker takes that queue), while the match-pool job waits, untaken.
  await world.fake.waitForCall('views.publish', (call) => call.args.user_id === 'U0BO', 15_000);
  const matchPool = app.queues.queue('match-pool');
  await sleep(2_000);
  expect(await matchPool.getWaitingCount()).toBeGreaterThan(0);
  expect(await world.db.session.count()).toBe(0);

  apps.push(await startTestApp(world, { env: { MOCKINGBIRD_ROLES: 'worker', WORKER_QUEUES: 'match-pool' } }));

  await world.fake.waitForCall('chat.postMessage', (call) => textOf(call).includes('It is on'), 15_000);
  expect(await world.db.session.count()).toBe(1);
  expect(await matchPool.getWaitingCount()).toBe(0);
});
