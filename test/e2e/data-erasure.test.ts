import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../harness/fake-slack/types.ts';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(async () => {
  for (const user of ['U0ANA', 'U0BO', 'U0CY', 'U0DI']) ctx.world.fake.setUser(user, { tz: 'Europe/Madrid' });
  // Another workspace on the same installation of the app: nothing here may touch it.
  const other = await ctx.world.db.workspace.create({ data: { slackTeamId: 'T0OTHER' } });
  await ctx.world.db.member.create({ data: { workspaceId: other.id, slackUserId: 'U0ANA', level: 'STAFF' } });
});

const memberCount = (slackUserId: string, slackTeamId = TEST_TEAM_ID) =>
  ctx.world.db.member.count({ where: { slackUserId, workspace: { slackTeamId } } });

describe('/mock forget-me', () => {
  it('asks first, then erases the member, calls off their session and tells the partner, naming nobody', async () => {
    await ctx.app.slack.command('U0ANA', '/mock', 'execution senior both weekdays 18-21');
    await ctx.app.slack.command('U0BO', '/mock', 'execution senior both weekdays 18-21');
    await expect.poll(() => ctx.world.db.session.count()).toBe(1);
    await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      JSON.stringify(call.args).includes('Pick this time'),
    );

    const ask = await ctx.app.slack.command('U0ANA', '/mock', 'forget-me');
    expect(ask.json).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ask.json)).toContain('cannot be undone');
    // Asking alone erases nothing.
    expect(await memberCount('U0ANA')).toBe(1);

    const blocks = (ask.json?.blocks ?? []) as Json[];
    const button = (blocks[1]!.elements as Json[])[0]!;
    await ctx.app.slack.blockAction('U0ANA', {
      actionId: String(button.action_id),
      value: String(button.value),
    });
    await ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('is erased'));

    expect(await memberCount('U0ANA')).toBe(0);
    expect(await ctx.world.db.partnerRequest.count({ where: { member: { slackUserId: 'U0ANA' } } })).toBe(0);
    const session = await ctx.world.db.session.findFirstOrThrow();
    expect(session.status).toBe('CANCELLED');
    const note = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      JSON.stringify(call.args).includes('left Mockingbird'),
    );
    // Leaving is not cancelling: nothing counts against anyone, and the session names no canceller.
    expect(JSON.stringify(note.args)).not.toContain('U0ANA');
    expect(session.cancelledById).toBeNull();
    for (const update of ctx.world.fake.callsTo('chat.update'))
      expect(JSON.stringify(update.args)).not.toContain('<@>');
    const bo = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0BO' } });
    expect(await ctx.world.db.partnerRequest.findFirst({ where: { openForMemberId: bo.id } })).toMatchObject({
      priority: true,
    });
    // The same person in the other workspace is untouched.
    expect(await memberCount('U0ANA', 'T0OTHER')).toBe(1);
  });
});

describe('revoked tokens and uninstall', () => {
  it('a revoked user token erases that user only', async () => {
    await ctx.app.slack.command('U0CY', '/mock', 'strategy now');
    await expect.poll(() => memberCount('U0CY')).toBe(1);
    const reply = await ctx.app.slack.event({ type: 'tokens_revoked', tokens: { oauth: ['U0CY'], bot: [] } });
    expect(reply.status).toBe(200);
    await expect.poll(() => memberCount('U0CY')).toBe(0);
    expect(await memberCount('U0BO')).toBe(1);
  });

  it('app_uninstalled deletes this workspace’s data and stops its daily question, and nothing else', async () => {
    const workspace = await ctx.world.db.workspace.findUniqueOrThrow({
      where: { slackTeamId: TEST_TEAM_ID },
    });
    const daily = ctx.app.queues.queue('post-daily-question');
    await daily.upsertJobScheduler(`workspace-${workspace.id}-daily-question`, { pattern: '0 0 9 * * 1-5' });
    const reply = await ctx.app.slack.event({ type: 'app_uninstalled' });
    expect(reply.status).toBe(200);
    await expect.poll(() => ctx.world.db.workspace.count({ where: { slackTeamId: TEST_TEAM_ID } })).toBe(0);
    expect(await ctx.world.db.member.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await ctx.world.db.session.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await ctx.world.db.sentMessage.count({ where: { key: { startsWith: 'session-' } } })).toBe(0);
    expect(await daily.getJobScheduler(`workspace-${workspace.id}-daily-question`)).toBeUndefined();
    expect(await memberCount('U0ANA', 'T0OTHER')).toBe(1);
  });
});
