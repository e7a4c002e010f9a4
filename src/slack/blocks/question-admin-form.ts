import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { BUILT_IN_INTERVIEW_TYPES } from '../../domain/interview-types.ts';
import { LEVELS, type Level } from '../../domain/matching/types.ts';
import type { QuestionFormField } from '../../domain/question-bank/question-form.ts';
import { TEXT_LIMITS } from '../../domain/question-bank/question-schema.ts';
import type { WorkspaceQuestion } from '../../store/workspace-questions.ts';
import { LEVEL_LABELS } from './labels.ts';

/** Ids shared by the builder and the submission listener; each input block holds one element. */
export const QUESTION_FORM_MODAL = {
  callbackId: 'question-admin-form',
  blocks: {
    type: 'question-type',
    levelFrom: 'question-level-from',
    levelTo: 'question-level-to',
    text: 'question-text',
    followUps: 'question-follow-ups',
    rubricHints: 'question-rubric-hints',
    hint: 'question-hint',
  } satisfies Record<QuestionFormField, string>,
  actionId: 'value',
} as const;

/**
 * The form's private_metadata: the question being edited (absent when adding) and the page of
 * the list underneath, which is refreshed after a save. Read back through a zod schema: like any
 * part of a submission, it can be forged.
 */
export interface QuestionFormPlace {
  questionId?: string;
  page: number;
}

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}

function option(text: string, value: string): PlainTextOption {
  return { text: plain(text), value };
}

function input(
  block: string,
  label: string,
  element: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: block,
    label: plain(label),
    element: { action_id: QUESTION_FORM_MODAL.actionId, ...element },
    ...extra,
  } as KnownBlock;
}

function textInput(
  block: string,
  label: string,
  value: string | undefined,
  maxLength: number,
  hint: string,
): KnownBlock {
  return input(
    block,
    label,
    {
      type: 'plain_text_input',
      multiline: true,
      // Slack counts as the organizer types; the bank's minimum is checked on submit, inline.
      max_length: maxLength,
      ...(value ? { initial_value: value } : {}),
    },
    { hint: plain(hint) },
  );
}

/** Add (no question) or edit (the workspace's own question, as stored). */
export function questionFormModal({
  question,
  page,
}: {
  question?: WorkspaceQuestion;
  page: number;
}): ModalView {
  const ids = QUESTION_FORM_MODAL.blocks;
  const limits = TEXT_LIMITS;
  const typeOptions = BUILT_IN_INTERVIEW_TYPES.map((type) => option(type.label, type.slug));
  const levelOptions = LEVELS.map((level) => option(LEVEL_LABELS[level], level));
  const chosenType = typeOptions.find((each) => each.value === question?.type);
  const levelOption = (level: Level | undefined) => levelOptions.find((each) => each.value === level);
  const from = levelOption(question?.levels[0]);
  const to = question && question.levels.length > 1 ? levelOption(question.levels.at(-1)) : undefined;
  // Longest a list can be: every item at its maximum, one per line.
  const listLength = (items: { max: number }, item: { max: number }) => items.max * (item.max + 1);

  const blocks: KnownBlock[] = [
    input(
      ids.type,
      'Interview type',
      {
        type: 'static_select',
        options: typeOptions,
        placeholder: plain('Pick a type'),
        ...(chosenType ? { initial_option: chosenType } : {}),
      },
      question ? { hint: plain(`Its id, ${question.slug}, changes only if the type does.`) } : {},
    ),
    input(ids.levelFrom, 'Lowest level it suits', {
      type: 'static_select',
      options: levelOptions,
      placeholder: plain('Pick a level'),
      ...(from ? { initial_option: from } : {}),
    }),
    input(
      ids.levelTo,
      'Highest level it suits',
      {
        type: 'static_select',
        options: levelOptions,
        placeholder: plain('Same as the lowest'),
        ...(to ? { initial_option: to } : {}),
      },
      { optional: true, hint: plain('Leave it empty for one level only.') },
    ),
    textInput(
      ids.text,
      'Question',
      question?.text,
      limits.text.max,
      `What the interviewer asks, ${limits.text.min}–${limits.text.max} characters, plain text.`,
    ),
    textInput(
      ids.followUps,
      'Follow-ups',
      question?.followUps.join('\n'),
      listLength(limits.followUps, limits.followUp),
      `${limits.followUps.min} to ${limits.followUps.max} probes for the interviewer, one per line, each ${limits.followUp.min}–${limits.followUp.max} characters.`,
    ),
    textInput(
      ids.rubricHints,
      'Rubric hints',
      question?.rubricHints.join('\n'),
      listLength(limits.rubricHints, limits.rubricHint),
      `${limits.rubricHints.min} to ${limits.rubricHints.max} things a strong answer does (“names the trade-off”), one per line, each ${limits.rubricHint.min}–${limits.rubricHint.max} characters.`,
    ),
    textInput(
      ids.hint,
      'Hint',
      question?.hint,
      limits.hint.max,
      `The framework that fits and a trap to avoid, ${limits.hint.min}–${limits.hint.max} characters; shown by the daily question’s Hint button.`,
    ),
  ];
  const place: QuestionFormPlace = { ...(question ? { questionId: question.id } : {}), page };
  return {
    type: 'modal',
    callback_id: QUESTION_FORM_MODAL.callbackId,
    private_metadata: JSON.stringify(place),
    title: plain(question ? 'Edit question' : 'Add a question'),
    submit: plain('Save'),
    close: plain('Back'),
    blocks,
  };
}
