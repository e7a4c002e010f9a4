import { randomBytes } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { inRequestScope } from '../../observability/request-context.ts';
import { surfaceOf } from './surface.ts';

/**
 * Gives each request an id that every log line written while handling it carries (see
 * request-context.ts). An event keeps Slack's event_id, so its redeliveries share one id; other
 * requests get a random one, since Slack sends no request id of its own.
 */
export function requestScope(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const record = body as Record<string, unknown>;
    const requestId = typeof record.event_id === 'string' ? record.event_id : randomBytes(6).toString('hex');
    await inRequestScope({ requestId, surface: surfaceOf(record) }, next);
  };
}
