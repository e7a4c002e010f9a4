import type { Server } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { JobContext } from '../jobs/job-context.ts';
import { processors } from '../jobs/registry.ts';
import type { Config } from './config.ts';
import { writeHealth } from './observability/health.ts';
import type { Logger } from './observability/logger.ts';
import { startOpsServer } from './observability/ops-server.ts';
import { JobQueues } from './queue/job-queues.ts';
import { createRedisConnection } from './queue/redis.ts';
import { startWorkers, type WorkerPool } from './queue/start-workers.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { createWorkerSlackClient } from './slack/gateway.ts';
import { SlackOutbound } from './slack/outbound/slack-outbound.ts';
import { createDatabase } from './store/prisma.ts';

export interface Runtime {
  /** The HTTP port serving /slack/events (web role) and /health. */
  port: number;
  /** Stops in reverse order of start: requests, then jobs (finishing those in flight), then connections. */
  stop(): Promise<void>;
}

/** Wires configuration → database → queues → Slack app and workers, for the roles asked for. */
export async function startRuntime(
  config: Config,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<Runtime> {
  const db = createDatabase(config.databaseUrl, {
    onConnectionError: (error) => logger.warn({ err: error.message }, 'database connection error'),
  });
  let lastRedisError = '';
  const logRedisError = (error: Error) => {
    // A Redis outage fails every reconnect the same way; one line per distinct error is enough.
    if (error.message === lastRedisError) return;
    lastRedisError = error.message;
    logger.warn({ err: error.message }, 'redis connection error');
  };
  const producerRedis = createRedisConnection(config.redisUrl, 'producer', logRedisError);
  const queues = new JobQueues(producerRedis, config.queuePrefix);
  const routes: CustomRoute[] = [
    {
      path: '/health',
      method: ['GET'],
      handler: (_req, res) => void writeHealth({ db, redis: producerRedis }, res),
    },
  ];

  let workerRedis: Redis | undefined;
  let workerPool: WorkerPool | undefined;
  if (config.roles.includes('worker')) {
    workerRedis = createRedisConnection(config.redisUrl, 'worker', logRedisError);
    const slack = createWorkerSlackClient(config, logger);
    const context: JobContext = {
      config,
      db,
      slack,
      // The producer connection fails fast, which suits the pacer's and claims' short commands.
      outbound: new SlackOutbound({
        client: slack,
        redis: producerRedis,
        prefix: config.queuePrefix,
        db,
        logger,
      }),
      queues,
      logger,
      now,
    };
    workerPool = startWorkers({
      registry: processors,
      context,
      connection: workerRedis,
      prefix: config.queuePrefix,
      logger,
      lockMs: config.workerLockMs,
    });
    // Not awaited: a worker that starts while Redis is away still comes up, and the scheduler
    // is set as soon as Redis answers (every worker upserts the same one, harmlessly).
    queues.repeat('sweep-pools', config.matching.sweepIntervalMs).catch((error: Error) => {
      logger.warn({ err: error.message }, 'could not schedule the matching sweep yet');
    });
    // Re-sets each workspace's daily-question scheduler and posts today's question where the app
    // was down at its time; read on the injected clock, so tests start the app "at" any moment.
    queues.enqueue('daily-question-catch-up', { requestedAt: now().getTime() }).catch((error: Error) => {
      logger.warn({ err: error.message }, 'could not queue the daily-question catch-up');
    });
  }

  let slackApp: SlackApp | undefined;
  let opsServer: Server | undefined;
  let port: number;
  if (config.roles.includes('web')) {
    slackApp = createSlackApp(config, { config, db, queues, logger, now }, routes);
    port = await slackApp.start();
  } else {
    ({ port, server: opsServer } = await startOpsServer(config.port, routes));
  }
  logger.info({ roles: config.roles, port, socketMode: config.slack.socketMode }, 'Mockingbird is running');

  return {
    port,
    async stop() {
      await slackApp?.stop();
      await new Promise<void>((resolve) => (opsServer ? opsServer.close(() => resolve()) : resolve()));
      // Without Redis no job can finish anyway, so waiting the full grace period buys nothing.
      const grace = workerRedis?.status === 'ready' ? config.shutdownTimeoutMs : 1_000;
      await workerPool?.close(grace);
      await settleWithin(queues.close(), 2_000);
      for (const redis of [workerRedis, producerRedis]) {
        if (redis?.status === 'ready') await settleWithin(redis.quit(), 2_000);
        redis?.disconnect();
      }
      await db.$disconnect();
    },
  };
}

/** Waits for `promise` at most `ms`: shutdown must end even when a dependency has gone away. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
