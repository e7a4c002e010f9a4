import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { deliveredFeedback, receivedFeedbackMessage } from '../src/slack/blocks/feedback-delivery.ts';
import { findRevealedFeedback } from '../src/store/feedback.ts';
import { rubricFor } from '../src/store/rubrics.ts';
import { findSentMessage } from '../src/store/sent-messages.ts';
import type { JobContext } from './job-context.ts';

/**
 * An author corrected feedback the partner had already been shown: the partner's DM is redrawn in
 * place with what it says now, marked "edited", rather than a second copy beside the first.
 */
export async function redrawCorrectedFeedback(
  payload: JobPayload<'feedback-correction'>,
  context: JobContext,
): Promise<void> {
  const found = await findRevealedFeedback(context.db, payload.feedbackId);
  if (!found || found.feedback.editedAt !== payload.editedAt) return;
  const delivered = await findSentMessage(context.db, `feedback-${found.feedback.id}-delivered`);
  if (delivered?.failedWith) return;
  // The first delivery has not been recorded yet: retrying later finds it (BullMQ backs off).
  if (!delivered?.ts) throw new Error(`feedback ${found.feedback.id} has no delivered message yet`);
  const { session, feedback } = found;
  const rubric = await rubricFor(session.interviewType);
  const scoped = await context.inTeam(session.slackTeamId);
  await scoped.outbound.updateMessage(
    delivered.channelId,
    delivered.ts,
    receivedFeedbackMessage(
      deliveredFeedback(
        feedback,
        { typeLabel: interviewTypeLabel(session.interviewType), startsAt: session.startsAt },
        rubric?.dimensions ?? [],
      ),
      { slackTeamId: session.slackTeamId },
    ),
  );
}
