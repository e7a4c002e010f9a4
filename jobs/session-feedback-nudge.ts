import { feedbackDeadline } from '../src/domain/feedback/feedback-rules.ts';
import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { feedbackNudgeMessage } from '../src/slack/blocks/feedback-delivery.ts';
import { SlackPermanentError } from '../src/slack/outbound/slack-error-kind.ts';
import { findFeedbackSession, participantsWithoutFeedback } from '../src/store/feedback.ts';
import type { JobContext } from './job-context.ts';

/**
 * A day after the check-in: whoever has not given feedback yet gets a DM with the button. Nothing
 * for a session that changed since (version), had a no-show, or whose feedback has closed.
 */
export async function nudgeForFeedback(
  payload: JobPayload<'session-feedback-nudge'>,
  context: JobContext,
): Promise<void> {
  const session = await findFeedbackSession(context.db, payload.sessionId);
  if (!session || session.version !== payload.version) return;
  if (session.status !== 'COMPLETED' || session.noShow) return;
  const deadline = feedbackDeadline(session);
  if (context.now().getTime() >= deadline) return;

  const missing = await participantsWithoutFeedback(context.db, session);
  const scoped = await context.inWorkspace(session.workspaceId);
  for (const member of missing) {
    const partner = session.participants.find((participant) => participant.memberId !== member.memberId);
    if (!partner) continue;
    const message = feedbackNudgeMessage({
      sessionId: session.id,
      partnerSlackUserId: partner.slackUserId,
      typeLabel: interviewTypeLabel(session.interviewType),
      sessionStartsAt: session.startsAt,
      deadline,
      partnerHasGiven: !missing.some((each) => each.memberId === partner.memberId),
    });
    const key = `session-${session.id}-v${payload.version}-feedback-nudge-${member.memberId}`;
    try {
      const channel = await scoped.outbound.openConversation([member.slackUserId]);
      await scoped.outbound.postMessageOnce(key, { channel, ...message });
    } catch (error) {
      // Someone Slack will never reach (deactivated, left) must not stop their partner's nudge.
      if (!(error instanceof SlackPermanentError)) throw error;
      context.logger.warn({ key, code: error.code }, 'feedback nudge cannot be delivered; skipped');
    }
  }
}
