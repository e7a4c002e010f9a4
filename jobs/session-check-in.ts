import type { JobPayload } from '../src/queue/catalogue.ts';
import { changeSession } from '../src/workflows/change-session.ts';
import type { JobContext } from './job-context.ts';

/**
 * At the end of a confirmed session: it is done. Its follow-ups (the "how did it go?" message,
 * the feedback nudge, both Home tabs) are written with the change and sent by their own jobs.
 */
export async function checkInAfterSession(
  payload: JobPayload<'session-check-in'>,
  context: JobContext,
): Promise<void> {
  await changeSession(context, payload.sessionId, { kind: 'check-in', version: payload.version });
}
