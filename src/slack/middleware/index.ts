import type { App } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger.ts';
import { requestScope } from './request-scope.ts';
import { skipRedeliveredEvents } from './skip-redelivered-events.ts';

/** Global middleware, run for every request before any listener, in this order. */
export function register(app: App, deps: { redis: Redis; prefix: string; logger: Logger }): void {
  app.use(requestScope());
  app.use(skipRedeliveredEvents(deps));
}
