import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type Config, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { JobQueues } from '../../src/queue/job-queues.ts';
import { deleteKeysUnderPrefix } from '../../src/queue/redis.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase } from './database.ts';
import { FakeSlack } from './fake-slack.ts';
import { SlackRequests } from './slack-requests.ts';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEST_BOT_TOKEN = 'xoxb-test-bot-token';
export const TEST_TEAM_ID = 'T0TEST';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * One test file's own world: a fresh database cloned from the migrated template, its own BullMQ
 * prefix on the shared Redis, and a fake Slack. Files run in parallel without seeing each other.
 */
export interface TestWorld {
  fake: FakeSlack;
  databaseUrl: string;
  queuePrefix: string;
  /** A Prisma client for assertions and fixtures. */
  db: Database;
  /** Environment for an app in this world; override anything per test. */
  env(overrides?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

export async function createTestWorld(): Promise<TestWorld> {
  const [fake, database] = await Promise.all([
    FakeSlack.start({ teamId: TEST_TEAM_ID, botToken: TEST_BOT_TOKEN }),
    createTestDatabase(),
  ]);
  const db = createDatabase(database.url, { poolSize: 4 });
  const queuePrefix = `mbtest-${randomUUID().slice(0, 8)}`;
  return {
    fake,
    databaseUrl: database.url,
    queuePrefix,
    db,
    env: (overrides = {}) => ({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: database.url,
      REDIS_URL,
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      QUEUE_PREFIX: queuePrefix,
      ...overrides,
    }),
    async close() {
      await db.$disconnect();
      await Promise.all([fake.close(), database.drop(), deleteKeysUnderPrefix(REDIS_URL, queuePrefix)]);
    },
  };
}

/** A running app (in this process) with a client that signs requests as Slack does. */
export interface TestApp {
  config: Config;
  baseUrl: string;
  slack: SlackRequests;
  /** Producer-side queues for tests that enqueue or inspect jobs. */
  queues: JobQueues;
  stop(): Promise<void>;
}

export async function startTestApp(
  world: TestWorld,
  options: { env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestApp> {
  const config = loadConfig(world.env(options.env));
  const logger = createLogger(config.logLevel);
  const runtime: Runtime = await startRuntime(config, logger, options.now);
  const baseUrl = `http://127.0.0.1:${runtime.port}`;
  // Created on first use: some tests point the app at a Redis that is not there.
  let producer: { redis: Redis; queues: JobQueues } | undefined;
  return {
    config,
    baseUrl,
    slack: new SlackRequests({
      url: `${baseUrl}/slack/events`,
      signingSecret: config.slack.signingSecret ?? TEST_SIGNING_SECRET,
      teamId: TEST_TEAM_ID,
      fake: world.fake,
    }),
    get queues() {
      producer ??= (() => {
        const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
        // Some tests take Redis away on purpose: its errors are expected there, not news.
        redis.on('error', () => {});
        return { redis, queues: new JobQueues(redis, config.queuePrefix) };
      })();
      return producer.queues;
    },
    async stop() {
      if (producer) {
        await producer.queues.close();
        producer.redis.disconnect();
      }
      await runtime.stop();
    },
  };
}

/** A local port with nothing listening, for "the service is down" tests. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
