import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0ANA', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0BO', { tz: 'Europe/Berlin' });
  ctx.world.fake.setUser('U0CY', { tz: 'Asia/Kolkata' });
});

async function scrape(baseUrl = ctx.app.baseUrl): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one series, e.g. `mockingbird_slack_requests_total{surface="command"}`; 0 when absent. */
function seriesValue(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const commands = 'mockingbird_slack_requests_total{surface="command"}';
const commandAcks = 'mockingbird_slack_ack_seconds_count{surface="command"}';

describe('GET /metrics', () => {
  it('answers in Prometheus text format with every family the operations dashboards read', async () => {
    const expiresAt = Date.now() + 3_600_000;
    await ctx.app.queues.enqueue(
      'expire-request',
      { requestId: randomUUID(), expiresAt },
      { delayMs: 3_600_000 },
    );

    const response = await fetch(`${ctx.app.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const [name, type] of [
      ['mockingbird_slack_requests_total', 'counter'],
      ['mockingbird_slack_ack_seconds', 'histogram'],
      ['mockingbird_http_requests_total', 'counter'],
      ['mockingbird_slack_event_duplicates_total', 'counter'],
      ['mockingbird_slack_api_calls_total', 'counter'],
      ['mockingbird_slack_rate_limited_total', 'counter'],
      ['mockingbird_matches_total', 'counter'],
      ['mockingbird_sessions_total', 'counter'],
      ['mockingbird_feedback_total', 'counter'],
      ['mockingbird_jobs', 'gauge'],
      ['process_resident_memory_bytes', 'gauge'],
      ['nodejs_eventloop_lag_p99_seconds', 'gauge'],
    ]) {
      expect(text, name).toContain(`# TYPE ${name} ${type}\n`);
    }
    // Jobs by queue and state, read from Redis at scrape time.
    expect(text).toMatch(/^mockingbird_jobs\{queue="match-pool",state="waiting"\} 0$/m);
    expect(text).toMatch(/^mockingbird_jobs\{queue="expire-request",state="delayed"\} 1$/m);
    // Every surface has its series before its first request.
    expect(text).toContain('mockingbird_slack_requests_total{surface="view"} ');
  });

  it('counts a slash command and its acknowledgement under the command surface', async () => {
    const before = await scrape();
    const answer = await ctx.app.slack.command('U0ANA', '/mock', 'help');
    expect(answer.status).toBe(200);

    const after = await scrape();
    expect(seriesValue(after, commands)).toBe(seriesValue(before, commands) + 1);
    expect(seriesValue(after, commandAcks)).toBe(seriesValue(before, commandAcks) + 1);
    // Acknowledged well inside Slack's 3 seconds: in the 3 s bucket, as every ack must be.
    expect(seriesValue(after, 'mockingbird_slack_ack_seconds_bucket{le="3",surface="command"}')).toBe(
      seriesValue(after, commandAcks),
    );
    const ok = 'mockingbird_http_requests_total{route="/slack/events",status="200"}';
    expect(seriesValue(after, ok)).toBe(seriesValue(before, ok) + 1);
  });

  it('a request with a forged signature is answered 401, counted as such and never reaches a surface', async () => {
    const before = await scrape();
    const answer = await ctx.app.slack.command(
      'U0EVE',
      '/mock',
      'help',
      {},
      { signingSecret: 'forged-secret' },
    );
    expect(answer.status).toBe(401);

    const after = await scrape();
    const rejected = 'mockingbird_http_requests_total{route="/slack/events",status="401"}';
    expect(seriesValue(after, rejected)).toBe(seriesValue(before, rejected) + 1);
    expect(seriesValue(after, commands)).toBe(seriesValue(before, commands));
  });

  it('counts Web API calls by method, a 429 among them', async () => {
    ctx.world.fake.failNext('users.info', { status: 429, retryAfterSeconds: 1 });
    const before = await scrape();
    await ctx.app.slack.command('U0CY', '/mock', 'status');
    await ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('no open request'));

    const after = await scrape();
    const limited = 'mockingbird_slack_api_calls_total{method="users.info",status="429"}';
    const answered = 'mockingbird_slack_api_calls_total{method="users.info",status="200"}';
    expect(seriesValue(after, limited)).toBe(seriesValue(before, limited) + 1);
    // The listener does not wait out a 429 (the member is answered at once); the profile is read
    // again in the background.
    await expect
      .poll(async () => seriesValue(await scrape(), answered), { timeout: 10_000 })
      .toBe(seriesValue(before, answered) + 1);
  });

  it('counts answers through response_url as such, not as file uploads', async () => {
    const before = await scrape();
    await ctx.app.slack.command('U0ANA', '/mock', 'status');
    await ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('no open request'));

    const answers = 'mockingbird_slack_api_calls_total{method="response_url",status="200"}';
    const uploads = 'mockingbird_slack_api_calls_total{method="upload",status="200"}';
    await expect
      .poll(async () => seriesValue(await scrape(), answers))
      .toBe(seriesValue(before, answers) + 1);
    expect(seriesValue(await scrape(), uploads)).toBe(seriesValue(before, uploads));
  });

  it('counts the match and the session it creates when Ana and Bo are paired', async () => {
    const before = await scrape();
    await ctx.app.slack.command('U0ANA', '/mock', 'product-sense senior both weekdays 18-21');
    await ctx.app.slack.command('U0BO', '/mock', 'product senior interviewee weekdays 19-22');
    await ctx.world.fake.waitForCall(
      'conversations.open',
      (call) => String(call.args.users).split(',').sort().join() === 'U0ANA,U0BO',
    );

    const matches = 'mockingbird_matches_total{trigger="new-request"}';
    const created = 'mockingbird_sessions_total{event="created"}';
    await expect
      .poll(async () => seriesValue(await scrape(), matches))
      .toBe(seriesValue(before, matches) + 1);
    expect(seriesValue(await scrape(), created)).toBe(seriesValue(before, created) + 1);
  });

  it('a worker-only process serves /metrics on its ops server', async () => {
    const worker = await startTestApp(ctx.world, { env: { MOCKINGBIRD_ROLES: 'worker' } });
    try {
      const text = await scrape(worker.baseUrl);
      expect(text).toContain('# TYPE mockingbird_jobs gauge\n');
      expect(text).toMatch(/^mockingbird_jobs\{queue="post-session-intro",state="failed"\} 0$/m);
    } finally {
      await worker.stop();
    }
  });
  it('times an acknowledgement from the moment the connection was accepted, not when Node parsed it', async () => {
    const slowBucket = 'mockingbird_slack_ack_seconds_bucket{le="0.25",surface="command"}';
    const allAcks = 'mockingbird_slack_ack_seconds_count{surface="command"}';
    const before = await scrape();
    // A request whose connection opens, then waits 400 ms before its bytes arrive, as one does
    // when the app's event loop is too busy to read it: Slack's clock has been running all along.
    const body = new URLSearchParams(ctx.app.slack.commandPayload('U0ANA', '/mock', 'help')).toString();
    const { port } = new URL(ctx.app.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    await sleep(400);
    const answered = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    const headers = {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      ...ctx.app.slack.sign(body),
    };
    socket.write(
      `POST /slack/events HTTP/1.1\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('')}\r\n${body}`,
    );
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);
    socket.destroy();

    const after = await scrape();
    expect(seriesValue(after, allAcks) - seriesValue(before, allAcks)).toBe(1);
    // Counted above 250 ms: the 400 ms the request waited on its open connection are in the figure.
    expect(seriesValue(after, slowBucket) - seriesValue(before, slowBucket)).toBe(0);
  });

  it('a newcomer’s /mock status costs 2 round trips to PostgreSQL, a known member’s 1', async () => {
    ctx.world.fake.setUser('U0DEE', { tz: 'America/Chicago' });
    const trips = 'mockingbird_database_round_trips_total{surface="command"}';
    const statusCost = async () => {
      const before = seriesValue(await scrape(), trips);
      const answers = ctx.world.fake.responses.length;
      await ctx.app.slack.command('U0DEE', '/mock', 'status');
      await vi.waitFor(() => expect(ctx.world.fake.responses.length).toBeGreaterThan(answers));
      return seriesValue(await scrape(), trips) - before;
    };

    // The lookup with the status in one statement; for the newcomer, then the row that creates them.
    expect(await statusCost()).toBe(2);
    expect(await statusCost()).toBe(1);
    // The first contact read Slack's profile and stored it with the new member.
    const dee = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0DEE' } });
    expect(dee.timezone).toBe('America/Chicago');
    expect(dee.profileSyncedAt).not.toBeNull();
  });

  it('counts the round trips to PostgreSQL each surface costs', async () => {
    const trips = 'mockingbird_database_round_trips_total{surface="command"}';
    const before = seriesValue(await scrape(), trips);
    const answers = ctx.world.fake.responses.length;
    await ctx.app.slack.command('U0CY', '/mock', 'status');
    // Answered through response_url once the work behind the acknowledgement is done.
    await vi.waitFor(() => expect(ctx.world.fake.responses.length).toBeGreaterThan(answers));

    expect(seriesValue(await scrape(), trips) - before).toBeGreaterThan(0);
  });
});
