import { randomUUID } from 'node:crypto';
import type { RequestScope } from '../../observability/request-context.ts';
import { surfaceOf } from './surface.ts';

/**
 * The scope every log line written while handling a request carries (see request-context.ts). An
 * event keeps Slack's event_id, so its redeliveries share one id; other requests get a random
 * one, since Slack sends no request id of its own.
 */
export function requestScopeOf(body: unknown): RequestScope {
  const record = body as Record<string, unknown>;
  const requestId = typeof record.event_id === 'string' ? record.event_id : shortRandomId();
  return { requestId, surface: surfaceOf(record) };
}

/**
 * Twelve random hex digits. Taken from randomUUID, which draws its randomness 128 ids at a time:
 * randomBytes asks the kernel on every call (half a per cent of the web role's CPU under load).
 */
function shortRandomId(): string {
  const uuid = randomUUID();
  // A v4 UUID's first eight and next four hex digits are all random (its version digit comes after).
  return uuid.slice(0, 8) + uuid.slice(9, 13);
}
