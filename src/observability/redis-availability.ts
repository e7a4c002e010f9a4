import type { Logger } from './logger.ts';
import { metrics } from './metrics.ts';

/**
 * Whether Redis is reachable, as every connection of the process reports it. During an outage
 * each connection (producer, workers, BullMQ's own duplicates) fails every reconnect, and each
 * worker reports each failure: hundreds of lines a minute that say one thing. This turns them into
 * one line when Redis goes away and one when it is back, a gauge and a counter
 * (`mockingbird_redis_up`, `mockingbird_redis_outages_total`), and what `/health` reports.
 */
export class RedisAvailability {
  private downAt: Date | null = null;
  private errorsWhileDown = 0;
  private stopped = false;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    metrics.redisUp.set(1);
  }

  /** When Redis went away, or null while it answers. */
  get downSince(): Date | null {
    return this.downAt;
  }

  /** A connection failed: the first failure of an outage is logged, the rest are counted. */
  lost(error: Error): void {
    if (this.stopped) return;
    if (this.downAt) {
      this.errorsWhileDown += 1;
      return;
    }
    this.downAt = this.now();
    this.errorsWhileDown = 0;
    metrics.redisUp.set(0);
    metrics.redisOutages.inc();
    this.logger.error(
      { dependency: 'redis', err: error.message },
      'Redis is unreachable: requests still answer, jobs wait until it is back',
    );
  }

  /** A connection is ready again. */
  back(): void {
    if (this.stopped || !this.downAt) return;
    const downSeconds = Math.round((this.now().getTime() - this.downAt.getTime()) / 1000);
    this.logger.info(
      { dependency: 'redis', downSeconds, errorsWhileDown: this.errorsWhileDown },
      'Redis is back',
    );
    this.downAt = null;
    metrics.redisUp.set(1);
  }

  /** Shutdown closes connections on purpose; that is not an outage. */
  stop(): void {
    this.stopped = true;
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
]);

/** True when an error says the connection to Redis failed, rather than something about a job. */
export function isRedisConnectionError(error: unknown): boolean {
  const { code, message, name } = (error ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (name === 'MaxRetriesPerRequestError') return true;
  return (
    typeof message === 'string' &&
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection is closed|connect ETIMEDOUT|Stream isn't writeable|max retries per request/i.test(
      message,
    )
  );
}
