import type { Config } from './config.ts';
import type { Logger } from './observability/logger.ts';
import type { JobQueues } from './queue/job-queues.ts';
import type { Database } from './store/prisma.ts';

/**
 * What listeners and shared workflows may reach: persistence, a logger and the clock (never
 * `new Date()`). `queues` is for queue housekeeping only (job schedulers, the dashboard): a change's
 * follow-ups go through the outbox (src/workflows/outbox.ts), never straight to Redis.
 */
export interface AppDeps {
  config: Config;
  db: Database;
  queues: JobQueues;
  logger: Logger;
  now: () => Date;
}
