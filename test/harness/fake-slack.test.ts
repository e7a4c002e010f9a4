import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, type Logger, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.ts';

let fake: FakeSlack;

// Several tests provoke errors on purpose; the SDKs would log each one.
const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

beforeAll(async () => {
  fake = await FakeSlack.start({ teamId: 'T0HARNESS', botToken: 'xoxb-harness' });
});

afterEach(() => fake.reset());

afterAll(async () => {
  await fake?.close();
});

function client(token = 'xoxb-harness'): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: silent,
  });
}

async function post(method: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${fake.apiUrl}${method}`, { method: 'POST', ...init });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

describe('the Web API', () => {
  it('records each call with its token and decodes JSON fields sent inside a form', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Hi *Ana*' } }];
    const answer = await client().chat.postMessage({ channel: 'C0LOBBY', text: '[draft] hello', blocks });

    expect(answer).toMatchObject({
      ok: true,
      channel: 'C0LOBBY',
      message: { text: '[draft] hello', blocks },
    });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-harness' });
    expect(call?.args).toEqual({ channel: 'C0LOBBY', text: '[draft] hello', blocks });
    expect(fake.message('C0LOBBY', answer.ts!)?.blocks).toEqual(blocks);
  });

  it('takes a token from a form body, but a JSON body must use the Authorization header', async () => {
    const form = await post('auth.test', {
      body: 'token=xoxb-harness',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.json).toMatchObject({
      ok: true,
      team_id: 'T0HARNESS',
      user_id: fake.botUserId,
      bot_id: fake.botId,
    });

    const json = await post('auth.test', {
      body: JSON.stringify({ token: 'xoxb-harness' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.json).toEqual({ ok: false, error: 'not_authed' });

    const bearer = await post('chat.postMessage', {
      body: JSON.stringify({ channel: 'C0LOBBY', text: 'hi' }),
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-harness' },
    });
    expect(bearer.json).toMatchObject({ ok: true, channel: 'C0LOBBY' });
  });

  it('answers an unknown method the way Slack does', async () => {
    const answer = await post('chat.teleport', {
      body: 'token=xoxb-harness',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: false, error: 'unknown_method', req_method: 'chat.teleport' });
  });

  it('refuses a missing, unknown or revoked token', async () => {
    await expect(client('').auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
    await expect(client('xoxb-stranger').auth.test()).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });

    fake.addToken('xoxb-second', { kind: 'bot', teamId: 'T0OTHER' });
    await expect(client('xoxb-second').auth.test()).resolves.toMatchObject({ team_id: 'T0OTHER' });
    await client('xoxb-second').auth.revoke();
    await expect(client('xoxb-second').auth.test()).rejects.toMatchObject({
      data: { error: 'token_revoked' },
    });
  });

  it('answers users.info with a profile and timezone, defaults for strangers, user_not_found after removal', async () => {
    fake.setUser('U0ANA', { tz: 'America/New_York', is_admin: true, profile: { display_name: 'Ana' } });

    const ana = await client().users.info({ user: 'U0ANA' });
    expect(ana.user).toMatchObject({
      id: 'U0ANA',
      tz: 'America/New_York',
      is_admin: true,
      is_owner: false,
      deleted: false,
      profile: { display_name: 'Ana' },
    });
    expect(ana.user?.tz_label).toMatch(/^Eastern (Standard|Daylight) Time$/);
    expect([-18_000, -14_400]).toContain(ana.user?.tz_offset);

    const stranger = await client().users.info({ user: 'U0STRANGER' });
    expect(stranger.user).toMatchObject({ tz: 'Europe/London', deleted: false });

    fake.removeUser('U0ANA');
    await expect(client().users.info({ user: 'U0ANA' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('opens the same DM for the same people, whatever the order', async () => {
    const first = await client().conversations.open({ users: 'U0ANA' });
    const again = await client().conversations.open({ users: 'U0ANA' });
    const group = await client().conversations.open({ users: 'U0ANA,U0BO' });
    const groupAgain = await client().conversations.open({ users: 'U0BO,U0ANA' });

    expect(first.channel?.id).toMatch(/^D[0-9A-Z]+$/);
    expect(again).toMatchObject({ channel: { id: first.channel?.id }, already_open: true });
    expect(group.channel?.id).toMatch(/^G[0-9A-Z]+$/);
    expect(groupAgain.channel?.id).toBe(group.channel?.id);
  });

  it('keeps messages: an update changes it, a deleted one cannot be updated', async () => {
    const web = client();
    const posted = await web.chat.postMessage({ channel: 'C0LOBBY', text: 'Intro' });
    await web.chat.update({ channel: 'C0LOBBY', ts: posted.ts!, text: 'Intro (cancelled)' });
    expect(fake.message('C0LOBBY', posted.ts!)?.text).toBe('Intro (cancelled)');

    await web.chat.delete({ channel: 'C0LOBBY', ts: posted.ts! });
    await expect(web.chat.update({ channel: 'C0LOBBY', ts: posted.ts!, text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    expect(fake.messagesIn('C0LOBBY')).toEqual([]);
  });

  it('reads a conversation back newest first, a page at a time, metadata only when asked, with its scope', async () => {
    const slack = client();
    const groupDm = fake.openConversation(['U0ANA', 'U0BO']);
    const stamp = { event_type: 'test_send', event_payload: { send: 'k1' } };
    const first = await slack.chat.postMessage({ channel: groupDm, text: 'one', metadata: stamp });
    await slack.chat.postMessage({ channel: groupDm, text: 'two' });
    await slack.chat.postMessage({ channel: groupDm, text: 'reply', thread_ts: first.ts! });
    await slack.chat.postMessage({ channel: fake.openConversation(['U0ANA']), text: 'elsewhere' });

    const page1 = await slack.conversations.history({
      channel: groupDm,
      limit: 1,
      include_all_metadata: true,
    });
    expect(page1.messages?.map((message) => message.text)).toEqual(['two']);
    expect(page1.has_more).toBe(true);
    const page2 = await slack.conversations.history({
      channel: groupDm,
      limit: 1,
      include_all_metadata: true,
      cursor: page1.response_metadata!.next_cursor!,
    });
    expect(page2.messages).toEqual([expect.objectContaining({ text: 'one', metadata: stamp })]);
    expect(page2.has_more).toBe(false);
    const plain = await slack.conversations.history({ channel: groupDm, oldest: first.ts!, inclusive: true });
    expect(plain.messages?.map((message) => [message.text, message.metadata])).toEqual([
      ['two', undefined],
      ['one', undefined],
    ]);
    const later = await slack.conversations.history({ channel: groupDm, oldest: first.ts! });
    expect(later.messages?.map((message) => message.text)).toEqual(['two']);

    fake.addToken('xoxb-no-history', {
      kind: 'bot',
      teamId: 'T0HARNESS',
      userId: 'U0MOCKBOT',
      scopes: ['chat:write'],
    });
    await expect(client('xoxb-no-history').conversations.history({ channel: groupDm })).rejects.toMatchObject(
      {
        data: { ok: false, error: 'missing_scope', needed: 'mpim:history' },
      },
    );
  });

  it('honours a trigger_id once, and enforces the modal title limit', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Request a mock' },
      blocks: [],
    };
    const triggerId = fake.triggerId();

    const opened = await client().views.open({ trigger_id: triggerId, view });
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      hash: expect.any(String),
      type: 'modal',
    });
    await expect(client().views.open({ trigger_id: triggerId, view })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });

    const longTitle = {
      ...view,
      title: { type: 'plain_text' as const, text: 'A title far too long for a modal' },
    };
    await expect(
      client().views.open({ trigger_id: fake.triggerId(), view: longTitle }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });
});

describe('failure injection', () => {
  it('answers 429 with Retry-After, then succeeds', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 7 });
    const form = {
      body: 'channel=C0LOBBY&text=hi',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-harness' },
    };

    const limited = await post('chat.postMessage', form);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json).toEqual({ ok: false, error: 'ratelimited' });

    const next = await post('chat.postMessage', form);
    expect(next.status).toBe(200);
    expect(next.json).toMatchObject({ ok: true });
  });

  it('shows a real WebClient a rate limit', async () => {
    fake.failNext('users.info', { status: 429, retryAfterSeconds: 30 });
    await expect(client().users.info({ user: 'U0ANA' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 30,
    });
  });

  it('fails with ok:false, a server error, or slowly, as asked', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found', times: 2 });
    for (let i = 0; i < 2; i++) {
      await expect(client().chat.postMessage({ channel: 'C0GONE', text: 'x' })).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
    }
    fake.failNext('auth.test', { status: 503 });
    await expect(client().auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });

    fake.delay('users.info', 50);
    const slow = client().users.info({ user: 'U0ANA' });
    const inFlight = await fake.waitForCall('users.info', (call) => call.args.user === 'U0ANA');
    expect(inFlight.token).toBe('xoxb-harness');
    await expect(slow).resolves.toMatchObject({ ok: true });
  });

  it('lets a test replace or wrap an answer', async () => {
    fake.on('users.info', (_call, next) => ({ ...next(), extra: 'wrapped' }));
    fake.on('conversations.members', () => ({ ok: true, members: ['U0ANA', 'U0BO'] }));

    await expect(client().users.info({ user: 'U0ANA' })).resolves.toMatchObject({ extra: 'wrapped' });
    await expect(client().conversations.members({ channel: 'C0LOBBY' })).resolves.toMatchObject({
      members: ['U0ANA', 'U0BO'],
    });
  });
});

describe('files, response_url and OAuth', () => {
  it('takes a file through WebClient.filesUploadV2 end to end', async () => {
    const result = await client().filesUploadV2({
      channel_id: 'C0LOBBY',
      content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      filename: 'mock.ics',
      title: 'Your mock interview',
      initial_comment: 'Calendar file attached',
    });

    expect(result.ok).toBe(true);
    expect(fake.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'mock.ics',
      length: '32',
    });
    const [upload] = fake.uploads;
    expect(upload).toMatchObject({
      filename: 'mock.ics',
      completed: true,
      title: 'Your mock interview',
      channelId: 'C0LOBBY',
      initialComment: 'Calendar file attached',
    });
    expect(upload?.bytes?.toString('utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('records response_url posts and refuses a sixth use', async () => {
    const url = fake.responseUrl('mock');
    const send = (text: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });

    expect((await send('first')).status).toBe(200);
    await expect(fake.waitForResponse((r) => r.body.text === 'first')).resolves.toMatchObject({
      name: 'mock',
      url,
    });
    for (let i = 0; i < 4; i++) await send(`again ${i}`);
    const sixth = await send('one too many');
    expect(sixth.status).toBe(404);
    expect(await sixth.text()).toBe('used_url');
    expect(fake.responses).toHaveLength(5);
  });

  it('exchanges an OAuth code once for a working bot token', async () => {
    const code = fake.oauthCode({ teamId: 'T0NEWTEAM', teamName: 'New Team', userId: 'U0ADMIN' });
    const noToken = client('');
    const wrongCode = noToken.oauth.v2.access({
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      code: 'nope',
    });
    await expect(wrongCode).rejects.toMatchObject({ data: { error: 'invalid_code' } });

    const install = await noToken.oauth.v2.access({
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      code,
    });
    expect(install).toMatchObject({
      ok: true,
      token_type: 'bot',
      access_token: expect.stringMatching(/^xoxb-/),
      team: { id: 'T0NEWTEAM', name: 'New Team' },
      authed_user: { id: 'U0ADMIN' },
      enterprise: null,
      is_enterprise_install: false,
    });
    await expect(client(install.access_token!).auth.test()).resolves.toMatchObject({ team_id: 'T0NEWTEAM' });
    const again = noToken.oauth.v2.access({
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      code,
    });
    await expect(again).rejects.toMatchObject({ data: { error: 'invalid_code' } });
  });
});

describe('Socket Mode', () => {
  it('lets a real SocketModeClient connect, receive an envelope, ack it, and reconnect after drops', async () => {
    const socketClient = new SocketModeClient({
      appToken: fake.appToken,
      logger: silent,
      // The client waits this long before reconnecting after a drop.
      clientPingTimeout: 150,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    socketClient.on('slash_commands', async ({ ack, body }) => {
      await ack({ response_type: 'ephemeral', text: `You said ${body.text}` });
    });
    try {
      await socketClient.start();
      await fake.socketConnected();
      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe(fake.appToken);

      const ack = await fake.sendEnvelope('slash_commands', {
        command: '/mock',
        text: 'help',
        user_id: 'U0ANA',
      });
      expect(ack).toMatchObject({ payload: { response_type: 'ephemeral', text: 'You said help' } });

      await fake.disconnectSockets();
      await fake.socketConnected();
      const again = await fake.sendEnvelope('slash_commands', { command: '/mock', text: 'again' });
      expect(again.payload).toMatchObject({ text: 'You said again' });

      await fake.disconnectSockets({ graceful: true });
      await fake.socketConnected();
      // An acked envelope proves the client has seen `hello`: disconnecting before that leaves
      // the SDK's reconnect promise to reject with nothing listening.
      const third = await fake.sendEnvelope('slash_commands', { command: '/mock', text: 'third' });
      expect(third.payload).toMatchObject({ text: 'You said third' });
      expect(fake.callsTo('apps.connections.open')).toHaveLength(3);
    } finally {
      await socketClient.disconnect();
    }
  });

  it('refuses a bot token for apps.connections.open', async () => {
    await expect(client().apps.connections.open()).rejects.toMatchObject({
      data: { error: 'not_allowed_token_type' },
    });
  });
});
