import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { feedbackDuties } from '../../domain/feedback/feedback-duties.ts';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import { findFeedbackFormContext, findRequestLevel } from '../../store/feedback.ts';
import { sessionPromptTopic } from '../../store/prompts-served.ts';
import { rubricFor } from '../../store/rubrics.ts';
import { feedbackModal } from '../blocks/feedback-modal.ts';
import { feedbackClosedModal } from '../blocks/feedback-notice-modal.ts';
import { openModal } from '../modal-calls.ts';
import { openInterviewerRating } from '../open-interviewer-rating.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerFor, buttonPressSchema } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const NOT_YOURS = 'This session belongs to someone else, so there is no feedback for you to give on it.';

/**
 * "Give feedback" (check-in message, nudge DM, Home tab): opens the form for the session's rubric,
 * about the presser's partner, prefilled with what they sent before while it may still change.
 * Slack's trigger lives three seconds, so this reads only the session, the member's own feedback
 * and the (cached) rubric before opening.
 */
export function openFeedbackButton(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad feedback button press');
      return;
    }
    const { user, trigger_id: triggerId, actions } = press.data;
    respondSafely(answerFor(respond, client, triggerId), deps.logger, async () => {
      const sessionId = z.uuid().safeParse(actions[0]!.value);
      if (!sessionId.success) return { text: NOT_YOURS, blocks: [] };
      const context = await findFeedbackFormContext(deps.db, sessionId.data, user.id, deps.now().getTime());
      if (!context) return { text: NOT_YOURS, blocks: [] };
      // A one-way interviewee interviewed nobody: their part is to rate the interviewer, privately.
      if (!feedbackDuties(context.session.participants, context.author.memberId).writesRubric) {
        return openInterviewerRating(deps, client, triggerId, context.session.id, user.id);
      }
      if (context.access.kind === 'closed') {
        await openModal(client, triggerId, feedbackClosedModal(context.access.reason));
        return null;
      }
      const [rubric, promptTopic, targetLevel] = await Promise.all([
        rubricFor(context.session.interviewType),
        // The partner's prompt topic marks the dimensions it did not test; their level picks the bar.
        sessionPromptTopic(deps.db, context.session.id, context.partner.memberId),
        findRequestLevel(deps.db, context.session.id, context.partner.memberId),
      ]);
      if (!rubric) {
        deps.logger.warn({ interviewType: context.session.interviewType }, 'no rubric for a session type');
        return {
          text: 'This interview type has no rubric yet, so its feedback form cannot open. Tell an organizer.',
          blocks: [],
        };
      }
      const { existing, access } = context;
      await openModal(
        client,
        triggerId,
        feedbackModal({
          sessionId: context.session.id,
          partnerSlackUserId: context.partner.slackUserId,
          typeLabel: interviewTypeLabel(context.session.interviewType),
          rubric,
          promptTopic: promptTopic ?? undefined,
          targetLevel: targetLevel ?? undefined,
          sessionStartsAt: context.session.startsAt,
          deadline: access.deadline,
          existing:
            existing && access.kind === 'edit' ? { ...existing, editableUntil: access.editableUntil } : null,
        }),
      );
      return null;
    });
  };
}
