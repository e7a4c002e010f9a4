import { expect, it } from 'vitest';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp({ env: { MATCH_SWEEP_INTERVAL_SECONDS: '5', REQUEST_TTL_HOURS: '0.0006' } });

it('a request nobody matches expires on time, and the member gets a friendly DM', async () => {
  ctx.world.fake.setUser('U0DEE', { tz: 'America/New_York' });
  await ctx.app.slack.command('U0DEE', '/mock', 'reverse-interview now');

  const dm = await ctx.world.fake.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === 'U0DEE',
    15_000,
  );
  expect(String(dm.args.text)).toContain('Reverse interview');
  expect(String(dm.args.text)).toContain('expired');
  const request = await ctx.world.db.partnerRequest.findFirstOrThrow({
    where: { member: { slackUserId: 'U0DEE' } },
  });
  expect(request).toMatchObject({ status: 'EXPIRED', openForMemberId: null });
});

it('the periodic sweep matches open requests that no instant match saw', async () => {
  // Two requests written straight to the database, as if they arrived while the workers were down.
  const workspace = await ctx.world.db.workspace.upsert({
    where: { slackTeamId: TEST_TEAM_ID },
    create: { slackTeamId: TEST_TEAM_ID },
    update: {},
  });
  for (const slackUserId of ['U0EVA', 'U0FIN']) {
    const member = await ctx.world.db.member.create({
      data: { workspaceId: workspace.id, slackUserId, timezone: 'Asia/Kolkata', profileSyncedAt: new Date() },
    });
    await ctx.world.db.partnerRequest.create({
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

  const intro = await ctx.world.fake.waitForCall(
    'chat.postMessage',
    (call) => JSON.stringify(call.args).includes('Technical') && JSON.stringify(call.args).includes('U0EVA'),
    15_000,
  );
  expect(JSON.stringify(intro.args.blocks)).toContain('U0FIN');
  const runs = await ctx.world.db.matchRun.findMany({ where: { trigger: 'sweep', pairs: { gt: 0 } } });
  expect(runs).toHaveLength(1);
});
