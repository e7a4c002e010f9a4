import type { JobPayload } from '../src/queue/catalogue.ts';
import { changeSession } from '../src/workflows/change-session.ts';
import type { JobContext } from './job-context.ts';

/**
 * Nobody agreed a time before the deadline: the session is released and both go back into the
 * pool with priority (src/domain/sessions/session-lifecycle.ts); the DM is told by the follow-ups.
 * A version that moved on in the meantime makes this a no-op.
 */
export async function releaseUnconfirmedSession(
  payload: JobPayload<'session-release'>,
  context: JobContext,
): Promise<void> {
  await changeSession(context, payload.sessionId, { kind: 'release', version: payload.version });
}
