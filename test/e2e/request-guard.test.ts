import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { ARRIVAL_LIMIT_MS, acksAwaited, arrivalsAwaited } from '../../src/slack/follow-ups.ts';
import { startAppProcess } from '../harness/app-process.ts';
import { closedPort, createTestWorld } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

/**
 * Sends a request's head (and optionally part of its body) over a raw socket and resolves with the
 * status line of whatever the server answers, or 'no answer' after `waitMs`: a server that waits
 * for the rest of a body it should have refused never answers.
 */
async function statusOf(head: string, body = '', waitMs = 1_500): Promise<string> {
  const { port } = new URL(ctx.app.baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => {});
  socket.write(head + body);
  return new Promise((resolve) => {
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('no answer');
    }, waitMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      const line = received.split('\r\n', 1)[0]!;
      if (received.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(line);
      }
    });
  });
}

function head(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

describe('bodies are refused before they are buffered', () => {
  it('a post without signature headers is refused before its body arrives', async () => {
    const status = await statusOf(
      head({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(512 * 1024) }),
    );
    expect(status).toMatch(/^HTTP\/1\.1 401/);
    const big = await statusOf(
      head({
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(4 * 1024 * 1024),
      }),
    );
    expect(big).toMatch(/^HTTP\/1\.1 (401|413)/);
  });

  it('a signed-looking post declaring more than 1 MB gets 413 at once', async () => {
    const status = await statusOf(
      head({
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(2 * 1024 * 1024),
        'x-slack-signature': 'v0=00',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      }),
    );
    expect(status).toMatch(/^HTTP\/1\.1 413/);
  });

  it('a chunked body is cut off once it passes 1 MB', async () => {
    const chunk = 'a'.repeat(512 * 1024);
    const chunked = `${(chunk.length).toString(16)}\r\n${chunk}\r\n`.repeat(3);
    const status = await statusOf(
      head({
        'content-type': 'application/x-www-form-urlencoded',
        'transfer-encoding': 'chunked',
        'x-slack-signature': 'v0=00',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      }),
      chunked,
    );
    expect(status).toMatch(/^HTTP\/1\.1 413/);
  });

  it('a small unsigned ssl_check still reaches Bolt, and real requests keep working', async () => {
    const check = await ctx.app.slack.raw('ssl_check=1&token=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(check.status).toBe(200);
    const help = await ctx.app.slack.command('U0ANA', '/mock', 'help');
    expect(help.status).toBe(200);
  });

  it('a small unsigned command is refused, and one riding in beside an ssl_check never runs', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const command = new URLSearchParams({
      command: '/mock',
      text: 'status',
      user_id: 'U0MALLORY',
      team_id: 'T0TEST',
      response_url: ctx.world.fake.responseUrl('smuggled'),
      trigger_id: ctx.world.fake.triggerId(),
    }).toString();
    expect((await ctx.app.slack.raw(command, form)).status).toBe(401);
    expect((await ctx.app.slack.raw(`ssl_check=1&${command}`, form)).status).toBe(200);

    // A real member's status after both is answered; neither of the two reached a listener.
    await ctx.app.slack.command('U0ANA', '/mock', 'status');
    await ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('no open request'));
    expect(ctx.world.fake.responses.filter((posted) => posted.name === 'smuggled')).toEqual([]);
    expect(ctx.world.fake.callsTo('users.info').filter((call) => call.args.user === 'U0MALLORY')).toEqual([]);
  });
});

describe('the follow-up lane', () => {
  it('is not held back by a signed-looking body trickled in slowly', async () => {
    const { port } = new URL(ctx.app.baseUrl);
    const trickle = connect(Number(port), '127.0.0.1');
    trickle.on('error', () => {});
    trickle.write(
      `${head({
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': '1000',
        'x-slack-signature': 'v0=00',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      })}command=%2Fmock&text=st`,
    );
    try {
      // A member asks meanwhile and is answered; the trickled request held follow-ups back only
      // as an arrival, for ARRIVAL_LIMIT_MS at most, and nothing counts it as awaiting an ack.
      await ctx.app.slack.command('U0ANA', '/mock', 'status');
      await ctx.world.fake.waitForResponse((posted) =>
        JSON.stringify(posted.body).includes('no open request'),
      );
      expect(acksAwaited()).toBe(0);
      // Still unfinished, it is no longer counted once its limit has passed.
      await vi.waitFor(() => expect(arrivalsAwaited()).toBe(0), { timeout: 5 * ARRIVAL_LIMIT_MS });
    } finally {
      trickle.destroy();
    }
  });
});

describe('signed bodies that are not objects', () => {
  it('a signed payload=null gets 400, and the app keeps serving', async () => {
    const answer = await Promise.race([
      ctx.app.slack.raw(
        'payload=null',
        { 'content-type': 'application/x-www-form-urlencoded' },
        { sign: true },
      ),
      new Promise<{ status: string }>((resolve) => setTimeout(() => resolve({ status: 'no answer' }), 3_000)),
    ]);
    expect(answer.status).toBe(400);
    const json = await ctx.app.slack.raw('[]', { 'content-type': 'application/json' }, { sign: true });
    expect(json.status).toBe(400);
    const help = await ctx.app.slack.command('U0ANA', '/mock', 'help');
    expect(help.status).toBe(200);
  });
});

describe('a wrong signing secret', () => {
  it('is named once in the log, not once per request', async () => {
    const world = await createTestWorld();
    const port = await closedPort();
    const app = startAppProcess(
      world.env({ PORT: String(port), LOG_LEVEL: 'info', MOCKINGBIRD_ROLES: 'web' }),
    );
    try {
      await app.waitForLog(/Mockingbird is running/);
      const { SlackRequests } = await import('../harness/slack-requests.ts');
      const slack = new SlackRequests({
        url: `http://127.0.0.1:${port}/slack/events`,
        signingSecret: 'a-secret-the-app-does-not-have',
        teamId: 'T0TEST',
        fake: world.fake,
      });
      for (let i = 0; i < 3; i++) expect((await slack.command('U0EVE', '/mock', 'help')).status).toBe(401);
      const lines = app
        .stdout()
        .split('\n')
        .filter((line) => line.includes('SLACK_SIGNING_SECRET'));
      expect(lines).toHaveLength(1);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited();
      await world.close();
    }
  });
});
