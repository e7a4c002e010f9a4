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
  await insertOpenRequests(['U0EVA', 'U0FIN'], 'technical');

  const intro = await ctx.world.fake.waitForCall(
    'chat.postMessage',
    (call) => JSON.stringify(call.args).includes('Technical') && JSON.stringify(call.args).includes('U0EVA'),
    15_000,
  );
  expect(JSON.stringify(intro.args.blocks)).toContain('U0FIN');
  const runs = await ctx.world.db.matchRun.findMany({ where: { trigger: 'sweep', pairs: { gt: 0 } } });
  expect(runs).toHaveLength(1);
});

it('the sweep tells the odd one out, once, with the time of the next round', async () => {
  const [first, second, third] = ['U0IDA', 'U0JON', 'U0KAI'];
  await insertOpenRequests([first!, second!, third!], 'behavioural');

  const note = await ctx.world.fake.waitForCall(
    'chat.postMessage',
    (call) => String(call.args.text).includes('odd one out'),
    15_000,
  );
  expect([first, second, third]).toContain(note.args.channel);
  expect(String(note.args.text)).toContain('<!date^');
  const paired = await ctx.world.db.sessionParticipant.count({
    where: { member: { slackUserId: { in: [first!, second!, third!] } } },
  });
  expect(paired).toBe(2);

  // Another sweep leaves the same member out again, but the note is not repeated.
  const runsBefore = await ctx.world.db.matchRun.count();
  const workspace = await ctx.world.db.workspace.findUniqueOrThrow({ where: { slackTeamId: TEST_TEAM_ID } });
  await ctx.app.queues.enqueue('match-pool', { workspaceId: workspace.id, trigger: 'sweep' });
  await expect.poll(() => ctx.world.db.matchRun.count()).toBeGreaterThan(runsBefore);
  await expect
    .poll(async () => await ctx.app.queues.queue('notify-left-out').getJobCounts('wait', 'active', 'delayed'))
    .toEqual({ wait: 0, active: 0, delayed: 0 });
  const notes = ctx.world.fake
    .callsTo('chat.postMessage')
    .filter((call) => String(call.args.text).includes('odd one out'));
  expect(notes).toHaveLength(1);
});

/** Open requests written straight to the database, bypassing the instant match. */
async function insertOpenRequests(slackUserIds: string[], interviewType: string): Promise<void> {
  const workspace = await ctx.world.db.workspace.upsert({
    where: { slackTeamId: TEST_TEAM_ID },
    create: { slackTeamId: TEST_TEAM_ID },
    update: {},
  });
  for (const slackUserId of slackUserIds) {
    const member = await ctx.world.db.member.create({
      data: { workspaceId: workspace.id, slackUserId, timezone: 'Asia/Kolkata', profileSyncedAt: new Date() },
    });
    await ctx.world.db.partnerRequest.create({
      data: {
        workspaceId: workspace.id,
        memberId: member.id,
        openForMemberId: member.id,
        interviewTypes: [interviewType],
        level: 'STAFF',
        role: 'BOTH',
        durationMinutes: 60,
        availability: { weekly: [{ days: ['sat', 'sun'], start: '09:00', end: '13:00' }], slots: [] },
        timezone: 'Asia/Kolkata',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  }
}
