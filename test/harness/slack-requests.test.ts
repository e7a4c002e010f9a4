import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.ts';
import { SlackRequests } from './slack-requests.ts';

const SIGNING_SECRET = 'harness-signing-secret';

let fake: FakeSlack;
let app: App;
let slack: SlackRequests;
const handled: string[] = [];

beforeAll(async () => {
  fake = await FakeSlack.start({ teamId: 'T0HARNESS', botToken: 'xoxb-test' });
  app = new App({
    token: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl },
  });
  app.command('/echo', async ({ ack, command, respond }) => {
    handled.push(`command:${command.text}`);
    await ack({ response_type: 'ephemeral', text: `echo ${command.text}` });
    await respond({ response_type: 'ephemeral', text: `later ${command.user_name}` });
  });
  app.action('accept', async ({ ack, body, client }) => {
    await ack();
    handled.push(`action:${body.type}`);
    if (body.type === 'block_actions') {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: { type: 'modal', title: { type: 'plain_text', text: 'Accepted' }, blocks: [] },
      });
    }
  });
  app.view('request_mock', async ({ ack, view }) => {
    handled.push(`view:${view.private_metadata}`);
    await ack({ response_action: 'errors', errors: { topic: 'Pick a topic' } });
  });
  app.event('app_mention', async ({ event }) => {
    handled.push(`event:${event.text}`);
  });
  const server = (await app.start(0)) as Server;
  slack = new SlackRequests({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    signingSecret: SIGNING_SECRET,
    teamId: 'T0HARNESS',
    fake,
  });
});

beforeEach(() => {
  handled.length = 0;
  fake.reset();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('signed requests reach Bolt', () => {
  it('a slash command is verified, acked with a body, and respond() lands on the fake', async () => {
    fake.setUser('U0ANA', { name: 'ana' });

    const answer = await slack.command('U0ANA', '/echo', 'hello world');

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ response_type: 'ephemeral', text: 'echo hello world' });
    expect(handled).toEqual(['command:hello world']);
    const later = await fake.waitForResponse();
    expect(later).toMatchObject({ name: 'command-echo', body: { text: 'later ana' } });
  });

  it('a block action carries a trigger_id the fake honours for views.open', async () => {
    const answer = await slack.blockAction('U0ANA', { actionId: 'accept', value: 'session-1' });

    expect(answer.status).toBe(200);
    const sent = JSON.parse(new URLSearchParams(slack.lastRequest!.body).get('payload')!);
    const opened = await fake.waitForCall('views.open');
    expect(opened.args).toMatchObject({ trigger_id: sent.trigger_id, view: { title: { text: 'Accepted' } } });
    expect(handled).toEqual(['action:block_actions']);
  });

  it('a view submission reaches the view listener and its response_action comes back', async () => {
    const answer = await slack.viewSubmission('U0ANA', {
      callback_id: 'request_mock',
      private_metadata: '{"round":"product-sense"}',
      state: { values: { topic: { topic_select: { type: 'static_select', selected_option: null } } } },
    });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ response_action: 'errors', errors: { topic: 'Pick a topic' } });
    expect(handled).toEqual(['view:{"round":"product-sense"}']);
  });

  it('an Events API callback is acked, and a url_verification gets its challenge back', async () => {
    const answer = await slack.event(
      { type: 'app_mention', user: 'U0ANA', text: 'hi bird', channel: 'C0LOBBY', ts: '1700000000.000100' },
      { retryNum: 1, retryReason: 'http_timeout' },
    );
    expect(answer.status).toBe(200);
    await expect.poll(() => handled).toEqual(['event:hi bird']);
    expect(slack.lastRequest?.headers).toMatchObject({
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });

    const challenge = await slack.urlVerification('c-123');
    expect(challenge.json).toEqual({ challenge: 'c-123' });
  });
});

describe('requests Slack did not sign', () => {
  it('a request signed with the wrong secret gets 401 and runs no handler', async () => {
    const answer = await slack.command('U0EVE', '/echo', 'forged', {}, { signingSecret: 'not-the-secret' });
    expect(answer.status).toBe(401);
    expect(handled).toEqual([]);
  });

  it('a request signed six minutes ago gets 401 and runs no handler', async () => {
    const answer = await slack.command('U0EVE', '/echo', 'stale', {}, { timestampAgeSeconds: 6 * 60 });
    expect(answer.status).toBe(401);
    expect(handled).toEqual([]);
  });

  it('an unsigned request gets 401; a replay inside the window passes, as Bolt allows', async () => {
    const unsigned = await slack.raw('command=%2Fecho&text=x&user_id=U0EVE', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(unsigned.status).toBe(401);
    expect(handled).toEqual([]);

    await slack.command('U0ANA', '/echo', 'once');
    const { body, headers } = slack.lastRequest!;
    const replay = await slack.raw(body, headers);
    expect(replay.status).toBe(200);
    expect(handled).toEqual(['command:once', 'command:once']);
    // Both handlers answer through the response_url; let them finish before the fake closes.
    await expect.poll(() => fake.responses.length).toBe(2);
  });
});
