import type { WebClient } from '@slack/web-api';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/observability/logger.ts';
import type { JobQueues } from '../src/queue/job-queues.ts';
import type { Database } from '../src/store/prisma.ts';

/** What a processor may reach. The clock is injected so tests can move time. */
export interface JobContext {
  config: Config;
  db: Database;
  slack: WebClient;
  queues: JobQueues;
  logger: Logger;
  now: () => Date;
}
