import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import { metrics } from '../src/observability/metrics.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionCheckInMessage } from '../src/slack/blocks/session-check-in.ts';
import { completeSession, findSession } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

/** At the end of a confirmed session: mark it done and ask the pair how it went. */
export async function checkInAfterSession(
  payload: JobPayload<'session-check-in'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  if (!session || session.version !== payload.version || !session.channelId) return;
  // A retry after the status changed still owes the message; only a moved or cancelled session does not.
  if (session.status !== 'CONFIRMED' && session.status !== 'COMPLETED') return;
  const scoped = await context.inWorkspace(session.workspaceId);
  if (await completeSession(context.db, session.id, payload.version, context.now())) {
    metrics.sessions.inc({ event: 'completed' });
  }
  const message = sessionCheckInMessage(session, interviewTypeLabel(session.interviewType));
  await scoped.outbound.postMessageOnce(`session-${session.id}-v${payload.version}-check-in`, {
    channel: session.channelId,
    ...message,
  });
  await context.queues.enqueue(
    'session-feedback-nudge',
    { sessionId: session.id, version: payload.version },
    { delayMs: context.config.sessions.feedbackNudgeMs },
  );
  // "Feedback to give" appears on both Home tabs straight away.
  for (const { memberId } of session.participants) await context.queues.enqueue('publish-home', { memberId });
}
