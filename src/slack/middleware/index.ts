import type { App } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger.ts';
import { inRequestScope } from '../../observability/request-context.ts';
import { dispatchByKind, type ListenersByKind } from '../listeners-by-kind.ts';
import { requestScopeOf } from './request-scope.ts';
import { redeliveryCheck } from './skip-redelivered-events.ts';

/**
 * The app's one global middleware, for every request: its log scope (request-scope.ts); then,
 * unless it is an event Slack redelivered (skip-redelivered-events.ts), the listener of its kind
 * (listeners-by-kind.ts). One middleware, not one per step: Bolt spreads the arguments and makes a
 * `next` and a promise per middleware, per request, and with Bolt's own ignoreSelf (off: the
 * events listener applies its rule) the steps were a quarter of what a `/mock help` allocated.
 */
export function register(
  app: App,
  deps: { redis: Redis; prefix: string; logger: Logger },
  listeners: ListenersByKind,
): void {
  const redelivered = redeliveryCheck(deps);
  const dispatch = dispatchByKind(listeners);
  app.use((args) =>
    inRequestScope(requestScopeOf(args.body), async () => {
      // Only an event needs Redis to tell; any other request goes on without waiting on a promise.
      const redelivery = redelivered(args);
      if (redelivery !== false && (await redelivery)) return;
      await dispatch(args);
    }),
  );
}
