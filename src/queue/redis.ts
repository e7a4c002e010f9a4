import { Redis } from 'ioredis';

/**
 * Workers block on Redis and must wait out outages (`maxRetriesPerRequest: null`, as BullMQ
 * requires); producers and health checks fail fast instead, so a Slack request is never held
 * hostage by a Redis that went away.
 */
export function createRedisConnection(
  url: string,
  use: 'worker' | 'producer',
  onError: (error: Error) => void = () => {},
): Redis {
  const connection = new Redis(url, {
    maxRetriesPerRequest: use === 'worker' ? null : 1,
    enableOfflineQueue: use === 'worker',
    connectTimeout: 2_000,
    // Keep reconnecting with a capped backoff; workers recover by themselves after an outage.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect to stderr; route it to our logs.
  connection.on('error', onError);
  return connection;
}

/**
 * Deletes every key under `prefix` (queues, channel pacing, send claims, event ids): what a
 * throwaway deployment (the sandbox's reset, a test file, a benchmark run) leaves in Redis.
 */
export async function deleteKeysUnderPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
