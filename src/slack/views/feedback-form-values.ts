import type { FeedbackFormFields } from '../../domain/feedback/feedback-form.ts';
import type { RubricDimension } from '../../domain/question-bank/rubric-schema.ts';
import { FEEDBACK_MODAL } from '../blocks/feedback-modal.ts';
import { type ViewState, viewInput } from './view-state.ts';

/** Maps the feedback modal's blocks onto the form's plain fields, dimension by dimension. */
export function feedbackFormValues(
  state: ViewState,
  dimensions: readonly RubricDimension[],
): FeedbackFormFields {
  const ids = FEEDBACK_MODAL.blocks;
  const each = (prefix: string) =>
    Object.fromEntries(
      dimensions.map((dimension) => [dimension.id, viewInput(state, `${prefix}${dimension.id}`).selected]),
    );
  return {
    ratings: each(FEEDBACK_MODAL.ratingPrefix),
    selfRatings: each(FEEDBACK_MODAL.selfPrefix),
    hireSignal: viewInput(state, ids.hireSignal).selected,
    strengths: viewInput(state, ids.strengths).text,
    improvement: viewInput(state, ids.improvement).text,
    communication: viewInput(state, ids.communication).text,
    organizerNote: viewInput(state, ids.organizerNote).text,
  };
}
