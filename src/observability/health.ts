import type { ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import type { Database } from '../store/prisma.ts';

export type Dependency = 'postgres' | 'redis';

export interface HealthReport {
  healthy: boolean;
  checks: Record<Dependency, 'up' | 'down'>;
}

const CHECK_TIMEOUT_MS = 1_500;

/** Asks PostgreSQL and Redis for a round trip each, in parallel, never longer than 1.5 s. */
export async function checkHealth(deps: { db: Database; redis: Redis }): Promise<HealthReport> {
  const [postgres, redis] = await Promise.all([
    answers(() => deps.db.$queryRaw`SELECT 1`),
    answers(() => pingRedis(deps.redis)),
  ]);
  return { healthy: postgres && redis, checks: { postgres: upOrDown(postgres), redis: upOrDown(redis) } };
}

export async function writeHealth(
  deps: { db: Database; redis: Redis; redisDownSince?: () => Date | null },
  res: ServerResponse,
): Promise<void> {
  const report = await checkHealth(deps);
  res.writeHead(report.healthy ? 200 : 503, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  // How long Redis has been away, as the process's connections saw it: an operator reading
  // /health during an outage learns which dependency and since when.
  const downSince = report.checks.redis === 'down' ? deps.redisDownSince?.() : null;
  res.end(
    JSON.stringify({
      status: report.healthy ? 'ok' : 'unavailable',
      ...report.checks,
      ...(downSince ? { redisDownSince: downSince.toISOString() } : {}),
    }),
  );
}

async function answers(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      probe().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function upOrDown(ok: boolean): 'up' | 'down' {
  return ok ? 'up' : 'down';
}

/**
 * Producers do not queue commands while disconnected (they fail fast), so a probe right after
 * start-up or a reconnect first gives the connection the same time budget to come up.
 */
async function pingRedis(redis: Redis): Promise<unknown> {
  if (redis.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', resolve);
      setTimeout(() => {
        redis.off('ready', resolve);
        reject(new Error('redis not ready'));
      }, CHECK_TIMEOUT_MS).unref();
    });
  }
  return redis.ping();
}
