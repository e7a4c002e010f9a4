import type { Server } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { JobContext } from '../jobs/job-context.ts';
import type { Config } from './config.ts';
import { sweepTickMs } from './domain/workspace-settings.ts';
import { countDatabaseRoundTrip } from './observability/database-round-trips.ts';
import { writeHealth } from './observability/health.ts';
import type { Logger } from './observability/logger.ts';
import { metrics, metricsRoute, watchQueues } from './observability/metrics.ts';
import { startOpsServer } from './observability/ops-server.ts';
import { queueDashboardRoutes } from './observability/queue-dashboard.ts';
import { isRedisConnectionError, RedisAvailability } from './observability/redis-availability.ts';
import { checkRedisSettings } from './observability/redis-settings.ts';
import { JobQueues } from './queue/job-queues.ts';
import { createRedisConnection } from './queue/redis.ts';
import { startWorkers, type WorkerPool } from './queue/start-workers.ts';
import { TokenCipher } from './security/token-cipher.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { checkBotToken } from './slack/check-credentials.ts';
import { SlackOutbound } from './slack/outbound/slack-outbound.ts';
import { createWorkerSlackClient } from './slack/slack-client.ts';
import { WorkspaceClients, type WorkspaceSlack } from './slack/workspace-clients.ts';
import { PrismaInstallationStore } from './store/installations.ts';
import { createDatabase } from './store/prisma.ts';
import { recordUndelivered } from './store/sessions.ts';
import { warmUpWebRole } from './warm-up.ts';
import { OutboxRelay } from './workflows/outbox-relay.ts';

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
  // Before anything opens: a bot token Slack refuses stops the start, naming the setting.
  await checkBotToken(config, logger);
  const onConnectionError = (error: Error) =>
    logger.warn({ err: error.message }, 'database connection error');
  // Listeners answer Slack within 3 s: their queries get a pool with a 1.5 s limit, so a hung
  // PostgreSQL turns into "not saved, try again" in time; jobs get an unhurried pool of their own.
  // Each Prisma client holds its own query compiler (WebAssembly, ~20 MB resident), so a process
  // with one role keeps one client, which also serves /health and the installation store.
  const webDb = config.roles.includes('web')
    ? createDatabase(config.databaseUrl, {
        queryTimeoutMs: WEB_QUERY_TIMEOUT_MS,
        onConnectionError,
        onStatement: countDatabaseRoundTrip,
      })
    : undefined;
  const db =
    config.roles.includes('worker') || !webDb
      ? createDatabase(config.databaseUrl, { onConnectionError, onStatement: countDatabaseRoundTrip })
      : webDb;
  // A Redis outage fails every reconnect of every connection; it is said once, going and coming back.
  const redisAvailability = new RedisAvailability(logger);
  const logRedisError = (error: Error) => {
    if (isRedisConnectionError(error)) redisAvailability.lost(error);
    else logger.warn({ err: error.message }, 'redis error');
  };
  const producerRedis = createRedisConnection(config.redisUrl, 'producer', logRedisError);
  producerRedis.on('ready', () => redisAvailability.back());
  // Once Redis first answers (it may be away at start): warn about settings that lose jobs.
  producerRedis.once('ready', () => void checkRedisSettings(producerRedis, logger));
  // Multi-workspace mode: installs arrive through OAuth and their tokens are stored sealed.
  const installations = config.slack.oauth
    ? new PrismaInstallationStore(db, new TokenCipher(config.slack.oauth.tokenKeys))
    : undefined;
  const queues = new JobQueues(producerRedis, config.queuePrefix, config.deliveryRetry, logRedisError);
  const routes: CustomRoute[] = [
    {
      path: '/health',
      method: ['GET'],
      handler: (_req, res) =>
        void writeHealth(
          { db, redis: producerRedis, redisDownSince: () => redisAvailability.downSince },
          res,
        ),
    },
    metricsRoute(),
    ...(await queueDashboardRoutes(config.dashboard, queues.all(), logger)),
  ];
  const unwatchQueues = watchQueues(() => queues.all());

  let workerRedis: Redis | undefined;
  let workerPool: WorkerPool | undefined;
  let relay: OutboxRelay | undefined;
  if (config.roles.includes('worker')) {
    // Loaded here, not at the top: the web role never runs a job, and every job module it skips is
    // source text and code its heap does not hold.
    const { processors } = await import('../jobs/registry.ts');
    workerRedis = createRedisConnection(config.redisUrl, 'worker', logRedisError);
    workerRedis.on('ready', () => redisAvailability.back());
    // The producer connection fails fast, which suits the pacer's and claims' short commands.
    const clients = new WorkspaceClients({ config, db, redis: producerRedis, logger, installations });
    // Multi-workspace without a default token: every processor scopes itself to a workspace, so
    // this tokenless client is never the one that speaks.
    const tokenless = createWorkerSlackClient(config, logger);
    const fallback = clients.default ?? {
      client: tokenless,
      outbound: new SlackOutbound({
        client: tokenless,
        redis: producerRedis,
        prefix: config.queuePrefix,
        db,
        logger,
      }),
    };
    const contextWith = (slack: WorkspaceSlack): JobContext => ({
      config,
      db,
      slack: slack.client,
      outbound: slack.outbound,
      queues,
      logger,
      now,
      inWorkspace: async (workspaceId) => contextWith(await clients.forWorkspace(workspaceId)),
      inTeam: async (slackTeamId) => contextWith(await clients.forTeam(slackTeamId)),
    });
    const context = contextWith(fallback);
    workerPool = startWorkers({
      registry: processors,
      context,
      connection: workerRedis,
      prefix: config.queuePrefix,
      logger,
      lockMs: config.workerLockMs,
      queues: config.workerQueues,
      deliveryRetry: config.deliveryRetry,
      onGiveUp: (name, job) => {
        metrics.jobsGivenUp.inc({ queue: name });
        // Recorded on the session too, so an organizer (and the reconciler) can see what was missed.
        const sessionId = (job.data as { sessionId?: unknown } | undefined)?.sessionId;
        if (typeof sessionId !== 'string') return;
        recordUndelivered(db, sessionId, name, now()).catch((error: Error) => {
          logger.warn({ err: error.message, sessionId }, 'could not record an undelivered follow-up');
        });
      },
    });
    // Each worker reports each failed reconnect; those go to the outage tracker (one line per
    // outage) instead of one 'worker error' line each. Anything else is still logged as it comes.
    for (const worker of workerPool.workers) {
      worker.removeAllListeners('error');
      worker.on('error', (error) => {
        if (isRedisConnectionError(error)) redisAvailability.lost(error);
        else logger.error({ queue: worker.name, err: error.message }, 'worker error');
      });
    }
    // Every change writes its follow-ups to the outbox; this turns them into the jobs above.
    relay = new OutboxRelay({ db, databaseUrl: config.databaseUrl, queues, logger, now });
    relay.start();
    // Not awaited: a worker that starts while Redis is away still comes up, and the scheduler
    // is set as soon as Redis answers (every worker upserts the same one, harmlessly).
    // One scheduler ticks often enough for the shortest interval a workspace may choose; each tick
    // sweeps only the workspaces whose own interval has passed (jobs/sweep-pools.ts).
    queues.repeat('sweep-pools', sweepTickMs(config.matching.sweepIntervalMs)).catch((error: Error) => {
      logger.warn({ err: error.message }, 'could not schedule the matching sweep yet');
    });
    // Hourly: each opted-in member is entered once per week of their own clock (weekly-entries).
    queues.repeat('weekly-entries', 3600_000).catch((error: Error) => {
      logger.warn({ err: error.message }, 'could not schedule the weekly entries yet');
    });
    const reconciler = queues.queue('reconcile');
    (config.reconcileIntervalMs > 0
      ? queues.repeat('reconcile', config.reconcileIntervalMs)
      : reconciler.removeJobScheduler('reconcile')
    ).catch((error: Error) => {
      logger.warn({ err: error.message }, 'could not schedule the reconciler yet');
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
  if (webDb) {
    // Before the first request is accepted (and so before /health answers): see warm-up.ts.
    const warmUpMs = await warmUpWebRole(webDb, logger, now());
    logger.info({ ms: Math.round(warmUpMs) }, 'web role warmed up');
    slackApp = createSlackApp(config, { config, db: webDb, queues, logger, now }, routes, {
      redis: producerRedis,
      installationStore: installations,
    });
    port = await slackApp.start();
  } else {
    ({ port, server: opsServer } = await startOpsServer(config.port, routes));
  }
  logger.info({ roles: config.roles, port, socketMode: config.slack.socketMode }, 'Mockingbird is running');

  return {
    port,
    async stop() {
      redisAvailability.stop();
      await slackApp?.stop();
      unwatchQueues();
      await new Promise<void>((resolve) => (opsServer ? opsServer.close(() => resolve()) : resolve()));
      // Without Redis no job can finish anyway, so waiting the full grace period buys nothing.
      const grace = workerRedis?.status === 'ready' ? config.shutdownTimeoutMs : 1_000;
      await relay?.stop();
      await workerPool?.close(grace);
      await settleWithin(queues.close(), 2_000);
      for (const redis of [workerRedis, producerRedis]) {
        if (redis?.status === 'ready') await settleWithin(redis.quit(), 2_000);
        redis?.disconnect();
      }
      await webDb?.$disconnect();
      if (db !== webDb) await db.$disconnect();
    },
  };
}

/** Per query, for the web role's pool: half of Slack's 3 s, leaving time to answer. */
const WEB_QUERY_TIMEOUT_MS = 1_500;

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
