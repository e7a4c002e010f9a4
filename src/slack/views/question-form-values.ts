import type { QuestionFormFields } from '../../domain/question-bank/question-form.ts';
import { QUESTION_FORM_MODAL } from '../blocks/question-admin-form.ts';
import { type ViewState, viewInput } from './view-state.ts';

/** Maps the question form's blocks onto the form's plain fields; checking them is the domain's job. */
export function questionFormValues(state: ViewState): QuestionFormFields {
  const ids = QUESTION_FORM_MODAL.blocks;
  return {
    type: viewInput(state, ids.type).selected,
    levelFrom: viewInput(state, ids.levelFrom).selected,
    levelTo: viewInput(state, ids.levelTo).selected,
    text: viewInput(state, ids.text).text,
    followUps: viewInput(state, ids.followUps).text,
    rubricHints: viewInput(state, ids.rubricHints).text,
    hint: viewInput(state, ids.hint).text,
  };
}
