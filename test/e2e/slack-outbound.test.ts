import { WebAPIHTTPError } from '@slack/web-api';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { deferJob, RetryLaterError } from '../../src/queue/defer-job.ts';
import { createRedisConnection } from '../../src/queue/redis.ts';
import { ChannelPacer } from '../../src/slack/outbound/channel-pacer.ts';
import { SlackPermanentError } from '../../src/slack/outbound/slack-error-kind.ts';
import { SlackOutbound } from '../../src/slack/outbound/slack-outbound.ts';
import { createWorkerSlackClient } from '../../src/slack/slack-client.ts';
import { createTestWorld, REDIS_URL, type TestWorld } from '../harness/test-world.ts';

// Real Redis (under this file's own prefix), real PostgreSQL, the real WebClient the workers use;
// only Slack is faked. Each test posts to channels of its own, so the pacer's turns never mix.

let world: TestWorld;
let outbound: SlackOutbound;
const connections: Redis[] = [];

function redis(): Redis {
  const connection = createRedisConnection(REDIS_URL, 'worker');
  connections.push(connection);
  return connection;
}

/** A gateway as a worker process builds it: its own Redis connection and Slack client. */
function workerOutbound(options: { maxInlineWaitMs?: number } = {}): SlackOutbound {
  const config = loadConfig(world.env());
  const logger = createLogger('silent');
  return new SlackOutbound({
    client: createWorkerSlackClient(config, logger),
    redis: redis(),
    prefix: world.queuePrefix,
    db: world.db,
    logger,
    ...options,
  });
}

const postsTo = (channel: string) =>
  world.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
const arrivals = (channel: string) => postsTo(channel).map((call) => call.at.getTime());
const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]!);

beforeAll(async () => {
  world = await createTestWorld();
  outbound = workerOutbound();
});

afterAll(async () => {
  for (const connection of connections) connection.disconnect();
  await world?.close();
});

describe('rate limits', () => {
  it('waits out a 429 with Retry-After 1 and the message arrives exactly once', async () => {
    world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();

    const posted = await outbound.postMessageOnce('rate-limited', { channel: 'C0RATE', text: 'Hello' });

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(postsTo('C0RATE')).toHaveLength(2);
    expect(world.fake.messagesIn('C0RATE').map((message) => message.ts)).toEqual([posted.ts]);
  });

  it('hands a long Retry-After to BullMQ: the job is delayed, runs again and posts once', async () => {
    const hasty = workerOutbound({ maxInlineWaitMs: 500 });
    const prefix = world.queuePrefix;
    const queue = new Queue('outbound-defer', { connection: redis(), prefix });
    const worker = new Worker(
      'outbound-defer',
      async (job: Job, token?: string) => {
        try {
          await hasty.postMessageOnce(`job-${job.id}`, { channel: 'C0DEFER', text: 'Later' });
        } catch (error) {
          if (error instanceof RetryLaterError) await deferJob(job, token, error);
          throw error;
        }
      },
      { connection: redis(), prefix },
    );
    const completed = new Promise<Job>((resolve, reject) => {
      worker.on('completed', resolve);
      worker.on('failed', (_job, error) => reject(error));
    });
    try {
      world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 2 });
      await queue.add('post', {}, { jobId: 'defer-once', attempts: 1 });

      const job = await completed;

      const [first, second] = arrivals('C0DEFER');
      expect(second! - first!).toBeGreaterThanOrEqual(1_900);
      expect(world.fake.messagesIn('C0DEFER')).toHaveLength(1);
      // Waiting out the limit used none of the job's one attempt.
      expect(job.attemptsMade).toBe(1);
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it('says RetryLaterError with the wait when Retry-After is beyond the inline limit', async () => {
    const hasty = workerOutbound({ maxInlineWaitMs: 500 });
    world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 60 });

    await expect(hasty.postMessageOnce('too-long', { channel: 'C0WAIT', text: 'Hi' })).rejects.toMatchObject({
      name: 'RetryLaterError',
      delayMs: 60_000,
    });
    expect(await world.db.sentMessage.findUnique({ where: { key: 'too-long' } })).toBeNull();
  });
});

describe('failures', () => {
  it('retries a 500 twice, then the message arrives once', async () => {
    world.fake.failNext('chat.postMessage', { status: 500, times: 2 });

    await outbound.postMessageOnce('flaky', { channel: 'C0FLAKY', text: 'Hi' });

    expect(postsTo('C0FLAKY')).toHaveLength(3);
    expect(world.fake.messagesIn('C0FLAKY')).toHaveLength(1);
  });

  it('throws a 5xx that outlasts the client’s retries for BullMQ, recording nothing', async () => {
    world.fake.failNext('chat.postMessage', { status: 503, times: 3 });

    const failure = await outbound
      .postMessageOnce('down', { channel: 'C0DOWN', text: 'Hi' })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WebAPIHTTPError);
    expect(failure).not.toBeInstanceOf(UnrecoverableError);
    expect(await world.db.sentMessage.findUnique({ where: { key: 'down' } })).toBeNull();
    await outbound.postMessageOnce('down', { channel: 'C0DOWN', text: 'Hi' });
    expect(world.fake.messagesIn('C0DOWN')).toHaveLength(1);
  });

  it('records channel_not_found as final and never asks Slack again for that key', async () => {
    world.fake.removeChannel('C0GONE');

    await expect(outbound.postMessageOnce('gone', { channel: 'C0GONE', text: 'Hi' })).rejects.toSatisfy(
      (error) =>
        error instanceof UnrecoverableError && (error as SlackPermanentError).code === 'channel_not_found',
    );
    expect(await world.db.sentMessage.findUnique({ where: { key: 'gone' } })).toMatchObject({
      channelId: 'C0GONE',
      ts: null,
      failedWith: 'channel_not_found',
    });

    await expect(outbound.postMessageOnce('gone', { channel: 'C0GONE', text: 'Hi' })).rejects.toBeInstanceOf(
      SlackPermanentError,
    );
    expect(postsTo('C0GONE')).toHaveLength(1);
  });
});

describe('idempotency', () => {
  it('posts once for two sends with the same key, and both get the same ts', async () => {
    const first = await outbound.postMessageOnce('same-key', { channel: 'C0ONCE', text: 'Hi' });
    const second = await outbound.postMessageOnce('same-key', { channel: 'C0ONCE', text: 'Hi' });

    expect(second).toEqual(first);
    expect(first.ts).toBeTruthy();
    expect(postsTo('C0ONCE')).toHaveLength(1);
  });

  it('posts once when two workers send the same key at the same moment', async () => {
    const other = workerOutbound();

    const [a, b] = await Promise.all([
      outbound.postMessageOnce('raced-key', { channel: 'C0RACE', text: 'Hi' }),
      other.postMessageOnce('raced-key', { channel: 'C0RACE', text: 'Hi' }),
    ]);

    expect(a).toEqual(b);
    expect(postsTo('C0RACE')).toHaveLength(1);
  });
});

describe('pacing', () => {
  it('spaces messages to one channel a second apart without holding back other channels', async () => {
    const started = Date.now();

    await Promise.all([
      ...[1, 2, 3].map((n) => outbound.postMessageOnce(`paced-${n}`, { channel: 'C0PACE', text: `#${n}` })),
      outbound.postMessageOnce('elsewhere-1', { channel: 'C0ELSE1', text: 'Hi' }),
      outbound.postMessageOnce('elsewhere-2', { channel: 'C0ELSE2', text: 'Hi' }),
    ]);

    const paced = arrivals('C0PACE');
    expect(paced).toHaveLength(3);
    expect(paced[0]! - started).toBeLessThan(500);
    for (const gap of gaps(paced)) expect(gap).toBeGreaterThanOrEqual(900);
    for (const at of [...arrivals('C0ELSE1'), ...arrivals('C0ELSE2')]) expect(at - started).toBeLessThan(500);
  });

  it('keeps the pace across two worker processes sharing Redis', async () => {
    const other = workerOutbound();

    await Promise.all(
      [outbound, other, outbound, other].map((gateway, n) =>
        gateway.postMessageOnce(`shared-${n}`, { channel: 'C0SHARED', text: `#${n}` }),
      ),
    );

    const times = arrivals('C0SHARED').sort((a, b) => a - b);
    expect(times).toHaveLength(4);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(900);
  });

  it('gives a quiet channel its turn at once, and does not take a turn the caller will not wait for', async () => {
    const pacer = new ChannelPacer({ redis: redis(), prefix: world.queuePrefix, intervalMs: 1_000 });

    const first = await pacer.takeTurn('C0TURNS', 5_000);
    const second = await pacer.takeTurn('C0TURNS', 5_000);
    const refused = await pacer.takeTurn('C0TURNS', 500);
    const third = await pacer.takeTurn('C0TURNS', 5_000);

    expect(first).toEqual({ taken: true, waitMs: 0 });
    expect(second.taken).toBe(true);
    expect(second.waitMs).toBeGreaterThan(900);
    expect(refused.taken).toBe(false);
    expect(refused.waitMs).toBeGreaterThan(1_900);
    // The refused caller left no gap: the next turn is still two intervals out, not three.
    expect(third.taken).toBe(true);
    expect(third.waitMs).toBeGreaterThan(1_900);
    expect(third.waitMs).toBeLessThanOrEqual(2_000);
  });
});

describe('the other calls', () => {
  it('opens the same group DM for the same people', async () => {
    const channel = await outbound.openConversation(['U0ANA', 'U0BO']);

    expect(channel).toMatch(/^G/);
    expect(await outbound.openConversation(['U0BO', 'U0ANA'])).toBe(channel);
  });

  it('refuses a DM with someone who left, for good', async () => {
    world.fake.removeUser('U0LEFT');

    await expect(outbound.openConversation(['U0ANA', 'U0LEFT'])).rejects.toMatchObject({
      name: 'SlackPermanentError',
      code: 'user_not_found',
    });
  });

  it('updates a message it posted', async () => {
    const posted = await outbound.postMessageOnce('to-update', { channel: 'C0EDIT', text: 'Before' });

    await outbound.updateMessage('C0EDIT', posted.ts!, { text: 'After' });

    expect(world.fake.message('C0EDIT', posted.ts!)?.text).toBe('After');
  });

  it('uploads a file into a channel with its comment', async () => {
    await outbound.uploadFile({
      channel: 'C0FILES',
      filename: 'mock-interview.ics',
      content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      title: 'Mock interview',
      initialComment: 'Add it to your calendar.',
    });

    const upload = world.fake.uploads.find((candidate) => candidate.channelId === 'C0FILES');
    expect(upload).toMatchObject({
      completed: true,
      filename: 'mock-interview.ics',
      title: 'Mock interview',
      initialComment: 'Add it to your calendar.',
    });
    expect(upload?.bytes?.toString()).toContain('BEGIN:VCALENDAR');
  });

  it('sends an ephemeral message to one person in a channel', async () => {
    await outbound.postEphemeral({ channel: 'C0EPHEMERAL', user: 'U0ANA', text: 'Only you' });

    expect(world.fake.callsTo('chat.postEphemeral')).toContainEqual(
      expect.objectContaining({ args: expect.objectContaining({ channel: 'C0EPHEMERAL', user: 'U0ANA' }) }),
    );
  });
});
