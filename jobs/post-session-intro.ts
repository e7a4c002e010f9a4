import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionIntroMessage } from '../src/slack/blocks/session-intro.ts';
import { findSession, recordSessionChannel } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';
import { uploadSessionInvite } from './upload-session-invite.ts';

/**
 * Opens the pair's group DM and posts the intro: the offered times to confirm, or, for a pair
 * free now, the session itself with its calendar invite. Posted once per session (keyed). The
 * intro shows the session as it is when the job runs, so a late intro (Redis or Slack was away)
 * is never out of date.
 */
export async function postSessionIntro(
  payload: JobPayload<'post-session-intro'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  if (!session || session.introTs) return;
  const scoped = await context.inWorkspace(session.workspaceId);
  const users = session.participants.map((participant) => participant.slackUserId);
  if (users.length !== 2) return;
  const channel = await scoped.outbound.openConversation(users);
  const label = interviewTypeLabel(session.interviewType);
  const message = sessionIntroMessage(session, label, context.now().getTime());
  const posted = await scoped.outbound.postMessageOnce(`session-${session.id}-intro`, {
    channel,
    ...message,
  });
  if (posted.ts)
    await recordSessionChannel(context.db, session.id, { channelId: channel, introTs: posted.ts });
  if (session.status === 'CONFIRMED') await uploadSessionInvite(scoped, { ...session, channelId: channel });
}
