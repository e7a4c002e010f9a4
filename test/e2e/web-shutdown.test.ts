import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppProcess } from '../harness/app-process.ts';
import { SlackRequests } from '../harness/slack-requests.ts';
import {
  closedPort,
  createTestWorld,
  TEST_SIGNING_SECRET,
  TEST_TEAM_ID,
  type TestWorld,
} from '../harness/test-world.ts';

let world: TestWorld;

beforeAll(async () => {
  world = await createTestWorld();
});

afterAll(async () => {
  await world?.close();
});

it('SIGTERM during a command lets its listener finish: the member is answered and the request saved', async () => {
  world.fake.setUser('U0LATE', { tz: 'Europe/Rome' });
  // Slack answers slowly, so the listener (after its ack) is still working when the signal arrives.
  world.fake.delay('users.info', 1_500);
  const port = await closedPort();
  const app = startAppProcess(world.env({ PORT: String(port), LOG_LEVEL: 'info', MOCKINGBIRD_ROLES: 'web' }));
  try {
    await app.waitForLog(/Mockingbird is running/);
    const slack = new SlackRequests({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: TEST_SIGNING_SECRET,
      teamId: TEST_TEAM_ID,
      fake: world.fake,
    });
    const ack = await slack.command('U0LATE', '/mock', 'execution senior both 45min weekdays 18-21');
    expect(ack.status).toBe(200);
    await world.fake.waitForCall('users.info', (call) => call.args.user === 'U0LATE');

    app.child.kill('SIGTERM');
    const { code } = await app.exited();
    expect(code).toBe(0);
    expect(app.stdout()).toMatch(/stopped cleanly/);

    expect(world.fake.responses.map((posted) => JSON.stringify(posted.body)).join()).toContain(
      'You are in the pool',
    );
    const member = await world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0LATE' } });
    expect(await world.db.partnerRequest.count({ where: { memberId: member.id } })).toBe(1);
  } finally {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
  }
});
