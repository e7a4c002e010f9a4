import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionCheckInMessage } from '../src/slack/blocks/session-check-in.ts';
import { sessionEventMessage } from '../src/slack/blocks/session-event.ts';
import { sessionIntroMessage } from '../src/slack/blocks/session-intro.ts';
import { findSession } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';
import { uploadSessionInvite } from './upload-session-invite.ts';

/**
 * Tells the pair's DM about a change (a new time, the time agreed, a cancel, a release, a no-show,
 * the end): the intro is redrawn for the session as it is now, so its buttons match, and a short
 * note says what happened. The note is keyed by the job id, so a retry does not repeat it.
 */
export async function announceSessionChange(
  payload: JobPayload<'session-announce'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  if (!session) return;
  // The intro job has not run yet: retrying later finds the DM (BullMQ backs off).
  if (!session.channelId) throw new Error(`session ${session.id} has no DM yet`);
  const scoped = await context.inWorkspace(session.workspaceId);
  const label = interviewTypeLabel(session.interviewType);
  const key = `session-${session.id}-v${payload.version}-announce-${payload.event}`;

  if (payload.event === 'checked-in') {
    // The intro stays as it is: its no-show button still serves, beside the check-in's own.
    const message = sessionCheckInMessage(session, label);
    await scoped.outbound.postMessageOnce(key, { channel: session.channelId, ...message });
    return;
  }
  if (!session.introTs) throw new Error(`session ${session.id} has no intro yet`);
  await scoped.outbound.updateMessage(
    session.channelId,
    session.introTs,
    sessionIntroMessage(session, label, context.now().getTime()),
  );
  const actor = session.participants.find((participant) => participant.memberId === payload.memberId);
  const note = sessionEventMessage(payload.event, session, label, actor?.slackUserId ?? null);
  await scoped.outbound.postMessageOnce(key, { channel: session.channelId, ...note });
  if (
    payload.event === 'confirmed' &&
    session.status === 'CONFIRMED' &&
    session.version === payload.version
  ) {
    await uploadSessionInvite(scoped, session);
  }
}
