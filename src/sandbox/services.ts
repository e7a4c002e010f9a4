import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * The sandbox runs the real app, so it needs PostgreSQL and Redis. Both are asked at once before
 * anything starts, and a newcomer without them is told what is missing and how to start it.
 */

const WAIT_MS = 3_000;

export interface ServiceProblem {
  service: 'PostgreSQL' | 'Redis';
  address: string;
  error: string;
}

export async function checkServices(urls: {
  databaseUrl: string;
  redisUrl: string;
}): Promise<ServiceProblem[]> {
  const [postgres, redis] = await Promise.all([checkPostgres(urls.databaseUrl), checkRedis(urls.redisUrl)]);
  return [postgres, redis].filter((problem): problem is ServiceProblem => problem !== undefined);
}

/** The message for missing services: what, where, and the one command that starts both. */
export function describeMissingServices(problems: readonly ServiceProblem[]): string {
  return [
    'The Mockingbird sandbox runs the real app, which needs PostgreSQL and Redis:',
    ...problems.map(
      (problem) => `  - ${problem.service} does not answer at ${problem.address} (${problem.error})`,
    ),
    'Start them with `docker compose up -d postgres redis` (or point DATABASE_URL / REDIS_URL at yours), then run `npm start` again.',
  ].join('\n');
}

async function checkPostgres(databaseUrl: string): Promise<ServiceProblem | undefined> {
  const url = new URL(databaseUrl);
  // The server's own `postgres` database: the sandbox's database may not exist yet.
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: WAIT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return { service: 'PostgreSQL', address: `${url.hostname}:${url.port || 5432}`, error: reason(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkRedis(redisUrl: string): Promise<ServiceProblem | undefined> {
  const url = new URL(redisUrl);
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: WAIT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return { service: 'Redis', address: `${url.hostname}:${url.port || 6379}`, error: reason(error) };
  } finally {
    redis.disconnect();
  }
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}
