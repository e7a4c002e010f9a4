import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { RetryLaterError } from '../../src/queue/defer-job.ts';
import { createRedisConnection } from '../../src/queue/redis.ts';
import { BOT_SCOPES } from '../../src/slack/bot-scopes.ts';
import { SlackOutbound } from '../../src/slack/outbound/slack-outbound.ts';
import { createWorkerSlackClient } from '../../src/slack/slack-client.ts';
import { createTestWorld, REDIS_URL, TEST_TEAM_ID, type TestWorld } from '../harness/test-world.ts';

// The gateway's keyed sends when an earlier attempt's outcome was never recorded: Slack's answer
// lost after it posted (here an `ok: false` the client does not retry, as a dropped connection
// would leave it), or the token not allowed to read the conversation. worker-crash-once.test.ts
// covers the same through a SIGKILLed worker process.

let world: TestWorld;
const connections: Redis[] = [];
const NARROW_TOKEN = 'xoxb-installed-before-history-scopes';

/** A gateway as a worker builds it; `token` for an install that lacks scopes, `logs` to read what it logged. */
function gateway(options: { token?: string; logs?: string[] } = {}): SlackOutbound {
  const config = loadConfig(world.env(options.token ? { SLACK_BOT_TOKEN: options.token } : {}));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      options.logs?.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(options.logs ? 'warn' : 'silent', sink);
  const redis = createRedisConnection(REDIS_URL, 'worker');
  connections.push(redis);
  return new SlackOutbound({
    client: createWorkerSlackClient(config, logger),
    redis,
    prefix: world.queuePrefix,
    db: world.db,
    logger,
  });
}

/** Slack posts the next message into `channel` but its answer never arrives (a failure instead). */
function loseNextAnswer(channel: string): void {
  let lost = false;
  const undo = world.fake.on('chat.postMessage', (call, next) => {
    if (lost || call.args.channel !== channel) return undefined;
    lost = true;
    next();
    undo();
    return { ok: false, error: 'fatal_error' };
  });
}

const postsTo = (channel: string) =>
  world.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
const historyCallsIn = (channel: string) =>
  world.fake.callsTo('conversations.history').filter((call) => call.args.channel === channel);

beforeAll(async () => {
  world = await createTestWorld();
  world.fake.addToken(NARROW_TOKEN, {
    kind: 'bot',
    teamId: TEST_TEAM_ID,
    userId: world.fake.botUserId,
    botId: world.fake.botId,
    scopes: BOT_SCOPES.filter((scope) => !scope.endsWith(':history')),
  });
});

afterAll(async () => {
  for (const connection of connections) connection.disconnect();
  await world?.close();
});

it('finds a message Slack posted but never confirmed, in a group DM, and does not post it again', async () => {
  const outbound = gateway();
  const groupDm = world.fake.openConversation(['U0ANA', 'U0BO']);
  loseNextAnswer(groupDm);
  await expect(
    outbound.postMessageOnce('lost-answer', { channel: groupDm, text: 'Starts soon' }),
  ).rejects.toThrow(/fatal_error/);
  expect(world.fake.messagesIn(groupDm)).toHaveLength(1);

  const retried = await outbound.postMessageOnce('lost-answer', { channel: groupDm, text: 'Starts soon' });

  const [message] = world.fake.messagesIn(groupDm);
  expect(retried).toEqual({ channel: groupDm, ts: message!.ts });
  expect(postsTo(groupDm)).toHaveLength(1);
  expect(historyCallsIn(groupDm)).toHaveLength(1);
  expect(await world.db.sentMessage.findUnique({ where: { key: 'lost-answer' } })).toMatchObject({
    channelId: groupDm,
    ts: message!.ts,
  });
  // A third run answers from the record, asking Slack nothing.
  await outbound.postMessageOnce('lost-answer', { channel: groupDm, text: 'Starts soon' });
  expect(postsTo(groupDm)).toHaveLength(1);
  expect(historyCallsIn(groupDm)).toHaveLength(1);
});

it('posts when the DM holds other sends of ours but not this one (the attempt never reached Slack)', async () => {
  const outbound = gateway();
  const dm = world.fake.openConversation(['U0ANA']);
  await outbound.postMessageOnce('dm-earlier', { channel: dm, text: 'Your feedback is in' });
  // Refused with an error that leaves the outcome open (as a timeout would): nothing was posted.
  world.fake.failNext('chat.postMessage', { error: 'fatal_error' });
  await expect(outbound.postMessageOnce('dm-later', { channel: dm, text: 'Your brief' })).rejects.toThrow();

  await outbound.postMessageOnce('dm-later', { channel: dm, text: 'Your brief' });

  expect(world.fake.messagesIn(dm).map((message) => message.text)).toEqual([
    'Your feedback is in',
    'Your brief',
  ]);
  expect(historyCallsIn(dm)).toHaveLength(1);
});

it('posts again when the install may not read the conversation, and says so once', async () => {
  const logs: string[] = [];
  const outbound = gateway({ token: NARROW_TOKEN, logs });
  const groupDm = world.fake.openConversation(['U0ANA', 'U0CY']);
  for (const key of ['unreadable-1', 'unreadable-2']) {
    loseNextAnswer(groupDm);
    await expect(outbound.postMessageOnce(key, { channel: groupDm, text: key })).rejects.toThrow();
    await outbound.postMessageOnce(key, { channel: groupDm, text: key });
  }

  // At least once, as before the history scopes: each arrives twice.
  expect(world.fake.messagesIn(groupDm).map((message) => message.text)).toEqual([
    'unreadable-1',
    'unreadable-1',
    'unreadable-2',
    'unreadable-2',
  ]);
  expect(historyCallsIn(groupDm)).toHaveLength(2);
  const denied = logs.filter((line) => line.includes('cannot read conversation history'));
  expect(denied).toHaveLength(1);
  expect(JSON.parse(denied[0]!)).toMatchObject({ code: 'missing_scope', needed: 'mpim:history' });
});

it('does not look when the earlier attempt was refused before it was sent (a long 429)', async () => {
  const outbound = gateway();
  const groupDm = world.fake.openConversation(['U0BO', 'U0CY']);
  world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 120 });
  await expect(
    outbound.postMessageOnce('rate-limited', { channel: groupDm, text: 'Hi' }),
  ).rejects.toBeInstanceOf(RetryLaterError);
  await outbound.postMessageOnce('rate-limited', { channel: groupDm, text: 'Hi' });

  expect(world.fake.messagesIn(groupDm)).toHaveLength(1);
  expect(historyCallsIn(groupDm)).toHaveLength(0);
});
