import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestWorld,
  startTestApp,
  TEST_TEAM_ID,
  type TestApp,
  type TestWorld,
} from '../harness/test-world.ts';

let world: TestWorld;
let app: TestApp;

beforeAll(async () => {
  world = await createTestWorld();
  // Real BullMQ delays, shortened through configuration: a 5 s sweep and requests that live ~2 s.
  app = await startTestApp(world, {
    env: { MATCH_SWEEP_INTERVAL_SECONDS: '5', REQUEST_TTL_HOURS: '0.0006' },
  });
});

afterAll(async () => {
  await app?.stop();
  await world?.close();
});

it('a request nobody matches expires on time, and the member gets a friendly DM', async () => {
  world.fake.setUser('U0DEE', { tz: 'America/New_York' });
  await app.slack.command('U0DEE', '/mock', 'reverse-interview now');

  const dm = await world.fake.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === 'U0DEE',
    15_000,
  );
  expect(String(dm.args.text)).toContain('Reverse interview');
  expect(String(dm.args.text)).toContain('expired');
  const request = await world.db.partnerRequest.findFirstOrThrow({
    where: { member: { slackUserId: 'U0DEE' } },
  });
  expect(request).toMatchObject({ status: 'EXPIRED', openForMemberId: null });
});

it('the periodic sweep matches open requests that no instant match saw', async () => {
  // Two requests written straight to the database, as if they arrived while the workers were down.
  const workspace = await world.db.workspace.upsert({
    where: { slackTeamId: TEST_TEAM_ID },
    create: { slackTeamId: TEST_TEAM_ID },
    update: {},
  });
  for (const slackUserId of ['U0EVA', 'U0FIN']) {
    const member = await world.db.member.create({
      data: { workspaceId: workspace.id, slackUserId, timezone: 'Asia/Kolkata', profileSyncedAt: new Date() },
    });
    await world.db.partnerRequest.create({
      data: {
        workspaceId: workspace.id,
        memberId: member.id,
        openForMemberId: member.id,
        interviewTypes: ['technical'],
        level: 'STAFF',
        role: 'BOTH',
        durationMinutes: 60,
        availability: { weekly: [{ days: ['sat', 'sun'], start: '09:00', end: '13:00' }], slots: [] },
        timezone: 'Asia/Kolkata',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  }

  const intro = await world.fake.waitForCall(
    'chat.postMessage',
    (call) => JSON.stringify(call.args).includes('Technical') && JSON.stringify(call.args).includes('U0EVA'),
    15_000,
  );
  expect(JSON.stringify(intro.args.blocks)).toContain('U0FIN');
  const runs = await world.db.matchRun.findMany({ where: { trigger: 'sweep', pairs: { gt: 0 } } });
  expect(runs).toHaveLength(1);
});
