import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

/** The text of the first response_url answer after the `before`th. */
async function nextResponseText(before: number): Promise<string> {
  const started = Date.now();
  while (ctx.world.fake.responses.length <= before) {
    if (Date.now() - started > 8_000) throw new Error('no answer through response_url');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.stringify(ctx.world.fake.responses[before]!.body);
}

describe('users.info failing on a member’s first command', () => {
  it('the member is answered with what is known, and Slack is read again once it is back', async () => {
    ctx.world.fake.setUser('U0NEW', { tz: 'Asia/Tokyo' });
    ctx.world.fake.failFor('users.info', 60_000, { status: 503 });

    const before = ctx.world.fake.responses.length;
    const reply = await ctx.app.slack.command('U0NEW', '/mock', 'execution senior both 45min weekdays 18-21');
    expect(reply.status).toBe(200);
    const text = await nextResponseText(before);
    expect(text).toContain('You are in the pool');
    expect(text).toContain('read as UTC');
    const member = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0NEW' } });
    expect(member.profileSyncedAt).toBeNull();

    ctx.world.fake.recover('users.info');
    const after = ctx.world.fake.responses.length;
    await ctx.app.slack.command('U0NEW', '/mock', 'status');
    await nextResponseText(after);
    const synced = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0NEW' } });
    expect(synced.timezone).toBe('Asia/Tokyo');
    expect(synced.profileSyncedAt).not.toBeNull();
  });
});
