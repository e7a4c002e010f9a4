import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

describe('/mock over signed HTTP', () => {
  it('Ana runs /mock help and gets the ephemeral help in the acknowledgement', async () => {
    const answer = await ctx.app.slack.command('U0ANA', '/mock', 'help');

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ response_type: 'ephemeral' });
    const blocks = JSON.stringify(answer.json?.blocks);
    expect(blocks).toContain('/mock profile');
    expect(answer.json?.text).toContain('Mockingbird');
  });

  it('a bare /mock acknowledges at once and opens the request form', async () => {
    const answer = await ctx.app.slack.command('U0ANA', '/mock', '   ');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    const opened = await ctx.world.fake.waitForCall('views.open');
    expect(opened.args.view).toMatchObject({ callback_id: 'partner-request' });
  });

  it('an unknown subcommand gets a short usage message naming it, escaped', async () => {
    const answer = await ctx.app.slack.command('U0ANA', '/mock', 'dance <!channel>');

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.json?.text).toContain('`/mock dance`');
    expect(answer.json?.text).toContain('/mock help');
    expect(answer.json?.text).not.toContain('<!channel>');
  });

  it('Bo runs /mock profile: acked empty at once, then a modal shows his Slack timezone', async () => {
    ctx.world.fake.setUser('U0BO', { tz: 'Asia/Kathmandu' });

    const answer = await ctx.app.slack.command('U0BO', '/mock', 'profile');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');

    const opened = await ctx.world.fake.waitForCall('views.open', (call) =>
      JSON.stringify(call.args.view).includes('Kathmandu'),
    );
    expect(opened.args.view).toMatchObject({ callback_id: 'profile' });
    const usersInfo = ctx.world.fake.callsTo('users.info').filter((call) => call.args.user === 'U0BO');
    expect(usersInfo).toHaveLength(1);

    const member = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0BO' } });
    expect(member.timezone).toBe('Asia/Kathmandu');
    expect(member.profileSyncedAt).not.toBeNull();
  });

  it('a second /mock profile reuses what is stored instead of asking Slack again', async () => {
    await ctx.app.slack.command('U0BO', '/mock', 'profile');
    await ctx.world.fake.waitForCalls('views.open', 2);
    expect(ctx.world.fake.callsTo('users.info').filter((call) => call.args.user === 'U0BO')).toHaveLength(1);
    expect(await ctx.world.db.member.count({ where: { slackUserId: 'U0BO' } })).toBe(1);
  });
});
