import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

// Slack has sent both: a name no timezone database knows, and an empty string. The fake refuses
// to hold such a user, so users.info is answered for them here.
const ZONES: Record<string, string> = { U0MARS: 'Mars/Olympus', U0VOID: '' };

beforeAll(() => {
  ctx.world.fake.on('users.info', (call, next) => {
    const answer = next() as { user?: Record<string, unknown> };
    const tz = ZONES[String(call.args.user)];
    return tz === undefined ? answer : { ...answer, user: { ...answer.user, tz } };
  });
});

/** The text of the first response_url answer after the `before`th. */
async function nextResponseText(before: number): Promise<string> {
  const started = Date.now();
  while (ctx.world.fake.responses.length <= before) {
    if (Date.now() - started > 5_000) throw new Error('no answer through response_url');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.stringify(ctx.world.fake.responses[before]!.body);
}

describe('a Slack timezone the app cannot compute with', () => {
  for (const user of ['U0MARS', 'U0VOID']) {
    it(`${user}: the quick path falls back to UTC, says so and points to /mock profile`, async () => {
      const before = ctx.world.fake.responses.length;
      const reply = await ctx.app.slack.command(user, '/mock', 'execution senior both 45min weekdays 18-21');
      expect(reply.status).toBe(200);
      const text = await nextResponseText(before);
      expect(text).toContain('You are in the pool');
      expect(text).toContain('read as UTC');
      expect(text).toContain('/mock profile');
      const member = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: user } });
      const request = await ctx.world.db.partnerRequest.findFirstOrThrow({ where: { memberId: member.id } });
      expect(request.timezone).toBe('UTC');
    });
  }

  it('the request modal opens in UTC with the same note', async () => {
    const before = ctx.world.fake.callsTo('views.open').length;
    await ctx.app.slack.command('U0MARS', '/mock', '');
    const [call] = (await ctx.world.fake.waitForCalls('views.open', before + 1)).slice(before);
    const view = JSON.stringify(call!.args.view);
    expect(view).toContain('times are in *UTC*');
    expect(view).toContain('/mock profile');
  });
});
