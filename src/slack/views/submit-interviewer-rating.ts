import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import {
  type InterviewerRatingField,
  readInterviewerRating,
} from '../../domain/feedback/interviewer-rating.ts';
import { saveInterviewerRating } from '../../store/interviewer-ratings.ts';
import { noticeModal } from '../blocks/feedback-notice-modal.ts';
import { INTERVIEWER_RATING_MODAL } from '../blocks/interviewer-rating-modal.ts';
import { inlineError, saveFailedMessage, UNREADABLE_FORM } from './form-answers.ts';
import { viewInput, viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({ state: viewStateSchema, private_metadata: z.uuid() }),
});

const FIRST_BLOCK = INTERVIEWER_RATING_MODAL.blocks.questionQuality;

/** "Rate your interviewer": checked inline, saved before the ack, answered with a private thank-you. */
export function submitInterviewerRating(deps: AppDeps) {
  return async ({ ack, body }: ViewArgs): Promise<void> => {
    const submission = submissionSchema.safeParse(body);
    if (!submission.success) {
      await ack(inlineError(FIRST_BLOCK, UNREADABLE_FORM));
      return;
    }
    const { user, view } = submission.data;
    const ids = INTERVIEWER_RATING_MODAL.blocks;
    const form = readInterviewerRating({
      questionQuality: viewInput(view.state, ids.questionQuality).selected,
      feedbackQuality: viewInput(view.state, ids.feedbackQuality).selected,
    });
    if (!form.ok) {
      const errors = Object.entries(form.errors).map(([field, message]) => [
        ids[field as InterviewerRatingField],
        message,
      ]);
      await ack({ response_action: 'errors', errors: Object.fromEntries(errors) });
      return;
    }
    try {
      const saved = await saveInterviewerRating(deps.db, {
        sessionId: view.private_metadata,
        slackUserId: user.id,
        value: form.value,
      });
      const text =
        saved.kind === 'saved'
          ? `Thank you. Only Mockingbird sees this: <@${saved.interviewerSlackUserId}> never will. You can change it from the same button.`
          : saved.kind === 'not-over'
            ? 'You can rate your interviewer once the session is over.'
            : 'There is no interviewer of yours to rate in this session.';
      await ack({ response_action: 'update', view: noticeModal('Rate your interviewer', text) });
    } catch (error) {
      await ack(inlineError(FIRST_BLOCK, saveFailedMessage(deps.logger, error, 'an interviewer rating')));
    }
  };
}
