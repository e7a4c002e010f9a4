import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

/**
 * Warns about a Redis that can lose jobs: one that evicts keys under memory pressure (BullMQ needs
 * `maxmemory-policy noeviction`; an evicted job hash is a reminder never sent), or one without any
 * persistence (a restart empties every queue; the reconciler rebuilds what PostgreSQL knows, but
 * only at its next run). Managed Redis services often refuse CONFIG; then nothing is said.
 */
export async function checkRedisSettings(redis: Redis, logger: Logger): Promise<void> {
  let settings: Map<string, string>;
  try {
    const pairs = (await redis.config('GET', 'maxmemory-policy', 'appendonly', 'save')) as string[];
    settings = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) settings.set(pairs[i]!, pairs[i + 1]!);
  } catch {
    return;
  }
  const policy = settings.get('maxmemory-policy');
  if (policy !== undefined && policy !== 'noeviction') {
    logger.warn(
      { setting: 'maxmemory-policy', value: policy },
      `Redis evicts keys under memory pressure (maxmemory-policy ${policy}), which loses queued jobs: ` +
        'set maxmemory-policy noeviction on the Redis at REDIS_URL.',
    );
  }
  if (settings.get('appendonly') === 'no' && (settings.get('save') ?? '').trim() === '') {
    logger.warn(
      { setting: 'appendonly', value: 'no' },
      'Redis keeps no data across a restart (appendonly no and no save points): queued jobs are lost ' +
        'when it restarts; turn on appendonly yes (or RDB snapshots) on the Redis at REDIS_URL.',
    );
  }
}
