import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import type { JobQueues } from '../queue/job-queues.ts';
import type { Database } from '../store/prisma.ts';

/** What listeners may reach: persistence, queues, a logger and the clock (never `new Date()`). */
export interface SlackDeps {
  config: Config;
  db: Database;
  queues: JobQueues;
  logger: Logger;
  now: () => Date;
}
