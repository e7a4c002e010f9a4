import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0ANA', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0BO', { tz: 'Europe/Berlin' });
  ctx.world.fake.setUser('U0CY', { tz: 'Asia/Kolkata' });
});

const responseIncluding = (text: string) =>
  ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes(text));

describe('asking for a partner with the quick path', () => {
  it('Ana and Bo both ask for product-sense practice and meet in a group DM with an intro', async () => {
    const ana = await ctx.app.slack.command('U0ANA', '/mock', 'product-sense senior both weekdays 18-21');
    expect(ana.status, ana.body).toBe(200);
    await responseIncluding('You are in the pool');

    await ctx.app.slack.command('U0BO', '/mock', 'product senior interviewee weekdays 19-22');

    const opened = await ctx.world.fake.waitForCall('conversations.open', (call) => {
      const users = String(call.args.users).split(',').sort();
      return users.join() === 'U0ANA,U0BO';
    });
    const intro = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      JSON.stringify(call.args).includes('Product sense'),
    );
    expect(intro.args.channel).toMatch(/^G/);
    expect(JSON.stringify(intro.args.blocks)).toContain('<!date^');
    expect(JSON.stringify(intro.args.blocks)).toContain('Why you two');
    // Bo only wants to be interviewed: one round, Ana asks, and nobody is told to swap.
    expect(JSON.stringify(intro.args.blocks)).toContain('*One round*\\n<@U0ANA> interviews <@U0BO>');
    expect(JSON.stringify(intro.args.blocks)).not.toContain('swap');
    // "Why you two" in the words every other surface uses.
    expect(JSON.stringify(intro.args.blocks)).toContain('Product sense practice');
    expect(JSON.stringify(intro.args.blocks)).not.toMatch(/product-sense|SENIOR/);
    expect(opened.token).toBe(ctx.app.config.slack.botToken);

    // The intro job records the channel right after posting; give it that moment.
    await expect
      .poll(async () => (await ctx.world.db.session.findMany()).map((session) => session.channelId))
      .toEqual([intro.args.channel]);
    expect(await ctx.world.db.sessionParticipant.count()).toBe(2);
    expect(await ctx.world.db.partnerRequest.count({ where: { status: 'MATCHED' } })).toBe(2);
    expect(await ctx.world.db.matchRun.count()).toBeGreaterThanOrEqual(1);
  });

  it('after the match, /mock status shows the proposal waiting for Ana, and confirming there works', async () => {
    await ctx.app.slack.command('U0ANA', '/mock', 'status');
    const status = await responseIncluding('waiting for *your* confirmation');
    const text = JSON.stringify(status.body);
    expect(text).toContain('*Product sense* with <@U0BO>');
    expect(text).not.toContain('no open request');
    const confirm = (
      (status.body.blocks as Array<{
        elements?: Array<{ action_id: string; value: string; text: { text: string } }>;
      }>) ?? []
    )
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.text.text === 'Confirm')!;
    await ctx.app.slack.blockAction('U0ANA', { actionId: confirm.action_id, value: confirm.value });
    await responseIncluding('Noted: you confirmed');
    await ctx.app.slack.command('U0ANA', '/mock', 'status');
    await responseIncluding('you confirmed; waiting for <@U0BO>');
  });

  it('Cy asks, refines the request with a second /mock, then cancels it', async () => {
    await ctx.app.slack.command('U0CY', '/mock', 'execution staff interviewer weekends 10-12');
    await responseIncluding('Execution');
    await ctx.app.slack.command('U0CY', '/mock', 'strategy staff interviewer weekends 10-12');
    await responseIncluding('Your open request is updated');
    const cy = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0CY' } });
    const requests = await ctx.world.db.partnerRequest.findMany({ where: { memberId: cy.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.interviewTypes).toEqual(['strategy']);
    await ctx.app.slack.command('U0CY', '/mock', 'status');
    expect(JSON.stringify((await responseIncluding('*Your open request*')).body)).toContain('Strategy');

    await ctx.app.slack.command('U0CY', '/mock', 'cancel');
    await responseIncluding('Your request is withdrawn');
    expect(await ctx.world.db.partnerRequest.count({ where: { memberId: cy.id, status: 'OPEN' } })).toBe(0);
    await ctx.app.slack.command('U0CY', '/mock', 'status');
    await responseIncluding('You have no open request and no session ahead');
  });

  it('a request with unreadable times gets a specific ephemeral message and nothing is stored', async () => {
    const before = await ctx.world.db.partnerRequest.count();
    await ctx.app.slack.command('U0CY', '/mock', 'execution someday maybe');
    const response = await responseIncluding('Usage:');
    expect(response.body).toMatchObject({ response_type: 'ephemeral' });
    expect(await ctx.world.db.partnerRequest.count()).toBe(before);
  });

  it('a paused member is not matched; after /mock resume the next sweep pairs them', async () => {
    ctx.world.fake.setUser('U0GUS', { tz: 'Europe/Paris' });
    ctx.world.fake.setUser('U0HAL', { tz: 'Europe/Paris' });
    await ctx.app.slack.command('U0GUS', '/mock', 'pause');
    await responseIncluding('Paused');
    await ctx.app.slack.command('U0GUS', '/mock', 'strategy pm both weekends 14-18');
    await responseIncluding('Strategy');
    const runsBefore = await ctx.world.db.matchRun.count();
    await ctx.app.slack.command('U0HAL', '/mock', 'strategy pm both weekends 14-18');
    // Hal's instant match runs and finds nobody, because Gus is paused.
    await expect.poll(() => ctx.world.db.matchRun.count()).toBeGreaterThan(runsBefore);
    const hal = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0HAL' } });
    expect(await ctx.world.db.partnerRequest.count({ where: { memberId: hal.id, status: 'OPEN' } })).toBe(1);

    await ctx.app.slack.command('U0GUS', '/mock', 'resume');
    await responseIncluding('Welcome back');
    await ctx.app.queues.enqueue('match-pool', { workspaceId: hal.workspaceId, trigger: 'sweep' });
    const intro = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      JSON.stringify(call.args).includes('U0GUS'),
    );
    expect(JSON.stringify(intro.args.blocks)).toContain('U0HAL');
  });
});
