import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionReminderMessage } from '../src/slack/blocks/session-reminder.ts';
import { findSession } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

/** A reminder before a confirmed session; nothing if the session moved, ended or was cancelled. */
export async function remindSession(
  payload: JobPayload<'session-reminder'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  if (session?.status !== 'CONFIRMED' || session.version !== payload.version || !session.channelId) return;
  const scoped = await context.inWorkspace(session.workspaceId);
  const message = sessionReminderMessage(
    session,
    interviewTypeLabel(session.interviewType),
    payload.beforeStartMs,
  );
  const key = `session-${session.id}-v${payload.version}-reminder-${Math.round(payload.beforeStartMs / 1000)}s`;
  await scoped.outbound.postMessageOnce(key, { channel: session.channelId, ...message });
}
