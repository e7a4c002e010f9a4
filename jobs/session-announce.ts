import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionEventMessage } from '../src/slack/blocks/session-event.ts';
import {
  sessionConfirmedMessage,
  sessionEndedMessage,
  sessionProposalMessage,
} from '../src/slack/blocks/session-intro.ts';
import { findSession } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';
import { uploadSessionInvite } from './upload-session-invite.ts';

/**
 * Tells the pair's DM about a change a member made (a new time, the time agreed, a cancel, a
 * no-show): the intro is redrawn for the session as it is now, so its buttons match, and a short
 * note says what happened. The note is keyed by the job id, so a retry does not repeat it.
 */
export async function announceSessionChange(
  payload: JobPayload<'session-announce'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  if (!session) return;
  // The intro job has not run yet: retrying later finds the DM (BullMQ backs off).
  if (!session.channelId || !session.introTs) throw new Error(`session ${session.id} has no DM yet`);
  const scoped = await context.inWorkspace(session.workspaceId);
  const label = interviewTypeLabel(session.interviewType);
  const now = context.now().getTime();
  const intro =
    session.status === 'PROPOSED'
      ? sessionProposalMessage(session, label, now)
      : session.status === 'CONFIRMED'
        ? sessionConfirmedMessage(session, label)
        : sessionEndedMessage(session, label, endedWhy(session.status));
  await scoped.outbound.updateMessage(session.channelId, session.introTs, intro);

  const actor = session.participants.find((participant) => participant.memberId === payload.memberId);
  const note = sessionEventMessage(payload.event, session, label, actor?.slackUserId ?? null);
  const key = `session-${session.id}-v${payload.version}-announce-${payload.event}`;
  await scoped.outbound.postMessageOnce(key, { channel: session.channelId, ...note });
  if (
    payload.event === 'confirmed' &&
    session.status === 'CONFIRMED' &&
    session.version === payload.version
  ) {
    await uploadSessionInvite(scoped, session);
    await context.queues.enqueue('session-prompts', { sessionId: session.id });
  }
}

function endedWhy(status: string): string {
  if (status === 'CANCELLED') return 'cancelled.';
  if (status === 'RELEASED') return 'released: no time was agreed.';
  return 'done.';
}
