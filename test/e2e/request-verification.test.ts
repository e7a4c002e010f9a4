import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

/** A handler that ran would have created the member and answered through response_url. */
async function expectNoHandlerRan(userId: string) {
  expect(await ctx.world.db.member.count({ where: { slackUserId: userId } })).toBe(0);
  expect(ctx.world.fake.responses).toHaveLength(0);
  expect(ctx.world.fake.callsTo('users.info')).toHaveLength(0);
}

describe('requests Slack did not sign, or signed too long ago', () => {
  it('a request signed with the wrong secret gets 401 and runs no handler', async () => {
    const answer = await ctx.app.slack.command(
      'U0EVE',
      '/mock',
      'profile',
      {},
      { signingSecret: 'not-the-secret-at-all' },
    );
    expect(answer.status).toBe(401);
    await expectNoHandlerRan('U0EVE');
  });

  it('a request with no signature headers gets 401', async () => {
    const answer = await ctx.app.slack.raw('command=%2Fmock&text=profile&user_id=U0EVE', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(401);
    await expectNoHandlerRan('U0EVE');
  });

  it('a replay of a request signed six minutes ago gets 401', async () => {
    const answer = await ctx.app.slack.command(
      'U0EVE',
      '/mock',
      'profile',
      {},
      { timestampAgeSeconds: 6 * 60 },
    );
    expect(answer.status).toBe(401);
    await expectNoHandlerRan('U0EVE');
  });

  it('a request signed for six minutes from now gets 401: it could be held back and replayed', async () => {
    const answer = await ctx.app.slack.command(
      'U0EVE',
      '/mock',
      'profile',
      {},
      { timestampAgeSeconds: -6 * 60 },
    );
    expect(answer.status).toBe(401);
    await expectNoHandlerRan('U0EVE');
  });

  it('a signed but malformed body gets a 4xx, and the app keeps serving', async () => {
    const answer = await ctx.app.slack.raw(
      '{"this is": not json',
      { 'content-type': 'application/json' },
      { sign: true },
    );
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);

    const interactive = await ctx.app.slack.raw(
      'payload=%7Bbroken',
      { 'content-type': 'application/x-www-form-urlencoded' },
      { sign: true },
    );
    expect(interactive.status).toBeGreaterThanOrEqual(400);
    expect(interactive.status).toBeLessThan(500);

    const next = await ctx.app.slack.command('U0ANA', '/mock', 'help');
    expect(next.status).toBe(200);
    expect(next.json).toMatchObject({ response_type: 'ephemeral' });
  });
});
