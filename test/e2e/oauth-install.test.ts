import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

// Multi-workspace mode: installs arrive through Slack's OAuth flow (against the fake's
// oauth.v2.access) and each workspace is answered with its own, sealed, bot token.
let world: TestWorld;
let app: TestApp;

beforeAll(async () => {
  world = await createTestWorld();
  app = await startTestApp(world, {
    env: {
      SLACK_CLIENT_ID: world.fake.clientId,
      SLACK_CLIENT_SECRET: world.fake.clientSecret,
      SLACK_STATE_SECRET: randomBytes(24).toString('hex'),
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await world?.close();
});

/** Walks the browser's part of the flow: /slack/install sets the state cookie, Slack redirects back. */
async function install(teamId: string): Promise<Response> {
  const start = await fetch(`${app.baseUrl}/slack/install`, { redirect: 'manual' });
  const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';
  const location = start.headers.get('location') ?? (await start.text()).match(/href="([^"]+)"/)?.[1] ?? '';
  const state = new URL(location.replaceAll('&amp;', '&')).searchParams.get('state') ?? '';
  const code = world.fake.oauthCode({ teamId, teamName: `Team ${teamId}` });
  return fetch(`${app.baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

describe('installing in several workspaces', () => {
  it('the OAuth flow stores the installation encrypted, never the token in the clear', async () => {
    const finished = await install('T0SECOND');
    expect(finished.status).toBeLessThan(400);
    const rows = await world.db.installation.findMany();
    expect(rows.map((row) => row.installKey)).toEqual(['T0SECOND']);
    expect(rows[0]!.sealed).not.toContain('xoxb-');
    expect(rows[0]!.sealed.startsWith('v1:k1:')).toBe(true);
  });

  it('a second workspace is answered with its own token, and its data stays its own', async () => {
    world.fake.setUser('U0ZED', { tz: 'Asia/Tokyo' });
    const reply = await app.slack.command('U0ZED', '/mock', 'status', { team_id: 'T0SECOND' });
    expect(reply.status).toBe(200);
    await world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('no open request'));
    const usersInfo = world.fake.callsTo('users.info').find((call) => call.args.user === 'U0ZED');
    expect(usersInfo?.token).toMatch(/^xoxb-/);
    expect(usersInfo?.token).not.toBe(app.config.slack.botToken);

    const member = await world.db.member.findFirstOrThrow({
      where: { slackUserId: 'U0ZED' },
      include: { workspace: true },
    });
    expect(member.workspace.slackTeamId).toBe('T0SECOND');
    expect(await world.db.workspace.count({ where: { slackTeamId: { not: 'T0SECOND' } } })).toBe(0);
  });

  it('workers talk to the second workspace with its token too: the pair’s intro', async () => {
    world.fake.setUser('U0YAN', { tz: 'Asia/Tokyo' });
    await app.slack.command('U0ZED', '/mock', 'behavioural now', { team_id: 'T0SECOND' });
    await app.slack.command('U0YAN', '/mock', 'behavioural now', { team_id: 'T0SECOND' });
    const opened = await world.fake.waitForCall('conversations.open', (call) =>
      String(call.args.users).includes('U0YAN'),
    );
    const usersInfo = world.fake.callsTo('users.info').find((call) => call.args.user === 'U0ZED');
    expect(opened.token).toBe(usersInfo?.token);
  });

  it('an uninstall deletes that workspace’s installation with its data, and leaves the other alone', async () => {
    await install('T0THIRD');
    await app.slack.command('U0ZED', '/mock', 'status', { team_id: 'T0THIRD' });
    await expect.poll(() => world.db.member.count({ where: { slackUserId: 'U0ZED' } })).toBe(2);
    const body = JSON.stringify({
      token: 'unused',
      team_id: 'T0THIRD',
      api_app_id: 'A0MOCKBIRD',
      type: 'event_callback',
      event_id: 'Ev0UNINSTALL',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled', event_ts: String(Date.now() / 1000) },
    });
    const reply = await app.slack.raw(body, { 'content-type': 'application/json' }, { sign: true });
    expect(reply.status).toBe(200);
    await expect.poll(() => world.db.installation.count({ where: { installKey: 'T0THIRD' } })).toBe(0);
    await expect.poll(() => world.db.workspace.count({ where: { slackTeamId: 'T0THIRD' } })).toBe(0);
    expect(await world.db.installation.count({ where: { installKey: 'T0SECOND' } })).toBe(1);
    expect(await world.db.member.count({ where: { slackUserId: 'U0ZED' } })).toBe(1);
  });
});
