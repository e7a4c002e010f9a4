import { AsyncLocalStorage } from 'node:async_hooks';
import type { Surface } from './metrics.ts';

/** What every log line written while handling one Slack request carries. */
export interface RequestScope {
  requestId: string;
  surface: Surface;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` (a request's middleware and listeners) so that everything it logs, through any
 * logger, carries the request's id: listeners keep using the logger they were given.
 */
export function inRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/**
 * pino's `mixin`: the fields of the request being handled, if any. A fresh object every time,
 * because pino merges the line's own fields into it.
 */
export function requestLogFields(): Partial<RequestScope> {
  const scope = storage.getStore();
  return scope ? { requestId: scope.requestId, surface: scope.surface } : {};
}

/** The surface of the Slack request being handled, if any. */
export function currentSurface(): Surface | undefined {
  return storage.getStore()?.surface;
}
