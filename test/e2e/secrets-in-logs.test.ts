import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../src/observability/scrub-secrets.ts';
import { type AppProcess, startAppProcess } from '../harness/app-process.ts';
import { closedPort, createTestWorld, type TestWorld } from '../harness/test-world.ts';

// The whole OAuth install, run by the real process at LOG_LEVEL=trace (the most talkative level,
// where the Slack SDKs write request bodies and URLs): nothing secret may reach its output.
let world: TestWorld;
let app: AppProcess;
let baseUrl: string;
const stateSecret = randomBytes(24).toString('hex');

beforeAll(async () => {
  world = await createTestWorld();
  const port = await closedPort();
  baseUrl = `http://127.0.0.1:${port}`;
  app = startAppProcess(
    world.env({
      PORT: String(port),
      LOG_LEVEL: 'trace',
      MOCKINGBIRD_ROLES: 'web',
      SLACK_CLIENT_ID: world.fake.clientId,
      SLACK_CLIENT_SECRET: world.fake.clientSecret,
      SLACK_STATE_SECRET: stateSecret,
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    }),
  );
  await app.waitForLog(/Mockingbird is running/, 30_000);
});

afterAll(async () => {
  app?.child.kill('SIGTERM');
  await app?.exited();
  await world?.close();
});

describe('secrets in the logs', () => {
  it('an OAuth install at trace level logs neither the client secret, the code nor the token', async () => {
    const start = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
    const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';
    const location = start.headers.get('location') ?? (await start.text()).match(/href="([^"]+)"/)?.[1] ?? '';
    const state = new URL(location.replaceAll('&amp;', '&')).searchParams.get('state') ?? '';
    const code = world.fake.oauthCode({ teamId: 'T0LOGS', teamName: 'Team logs' });
    const finished = await fetch(
      `${baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`,
      { headers: { cookie }, redirect: 'manual' },
    );
    expect(finished.status).toBeLessThan(400);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const output = app.stdout() + app.stderr();
    // The SDK did log the exchange (else this test proves nothing)…
    expect(output).toContain('oauth.v2.access');
    // …but none of what it carried.
    expect(output).not.toContain(world.fake.clientSecret);
    expect(output).not.toContain(code);
    expect(output).not.toContain(stateSecret);
    expect(output).not.toMatch(/xox[bp]-/);
  });

  it('scrubs JSON, form and token shapes', () => {
    expect(scrubSecrets('body: {"client_id":"1.2","client_secret":"abc","code":"9.8.7"}')).toBe(
      'body: {"client_id":"1.2","client_secret":"[redacted]","code":"[redacted]"}',
    );
    expect(scrubSecrets('GET /slack/oauth_redirect?code=9.8.7&state=s')).toBe(
      'GET /slack/oauth_redirect?code=[redacted]&state=s',
    );
    expect(scrubSecrets('token xoxb-123-456-abc and xapp-1-A0-2-ff')).toBe('token [redacted] and [redacted]');
  });
});
