import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { enqueueJob } from '../src/queue/job-request.ts';
import {
  deliveredFeedback,
  feedbackThanksMessage,
  receivedFeedbackMessage,
} from '../src/slack/blocks/feedback-delivery.ts';
import type { SlackMessage } from '../src/slack/blocks/help-message.ts';
import { SlackPermanentError } from '../src/slack/outbound/slack-error-kind.ts';
import { revealDueFeedback } from '../src/store/feedback.ts';
import { rubricFor } from '../src/store/rubrics.ts';
import { findSentMessage } from '../src/store/sent-messages.ts';
import { queueFollowUps } from '../src/workflows/outbox.ts';
import type { JobContext } from './job-context.ts';

/**
 * Shows a session's feedback to its recipients once both have written theirs, or at the deadline:
 * each recipient gets the partner's feedback as a DM, each author a thank-you. Every message is
 * keyed by the feedback it is about, so a retry, or the deadline run after a complete one, never
 * sends it twice; a run with nothing due does nothing.
 */
export async function revealFeedback(
  payload: JobPayload<'feedback-reveal'>,
  context: JobContext,
): Promise<void> {
  const result = await revealDueFeedback(context.db, payload.sessionId, context.now());
  if (!result || result.revealed.length === 0) return;
  const { session, revealed } = result;
  const rubric = await rubricFor(session.interviewType);
  const typeLabel = interviewTypeLabel(session.interviewType);
  const home = { slackTeamId: session.slackTeamId, appId: payload.appId };
  const scoped = await context.inTeam(session.slackTeamId);

  for (const feedback of revealed) {
    await sendOnce(scoped, `feedback-${feedback.id}-delivered`, feedback.recipientSlackUserId, () =>
      receivedFeedbackMessage(
        deliveredFeedback(feedback, { typeLabel, startsAt: session.startsAt }, rubric?.dimensions ?? []),
        home,
      ),
    );
    await sendOnce(scoped, `feedback-${feedback.id}-thanks`, feedback.authorSlackUserId, () =>
      feedbackThanksMessage({ recipientSlackUserId: feedback.recipientSlackUserId, typeLabel }, home),
    );
  }
  await queueFollowUps(
    context.db,
    session.participants.map(({ memberId }) => enqueueJob('publish-home', { memberId })),
  );
}

/**
 * A DM to one member, once per key. A key already on record (sent, or refused for good) skips even
 * opening the conversation: the deadline run after a complete reveal finds every key there. A
 * member Slack will never reach (deactivated, left) costs only their own message, not the others'.
 */
async function sendOnce(context: JobContext, key: string, slackUserId: string, build: () => SlackMessage) {
  if (await findSentMessage(context.db, key)) return;
  try {
    const channel = await context.outbound.openConversation([slackUserId]);
    await context.outbound.postMessageOnce(key, { channel, ...build() });
  } catch (error) {
    if (!(error instanceof SlackPermanentError)) throw error;
    context.logger.warn({ key, code: error.code }, 'feedback DM cannot be delivered; skipped');
  }
}
