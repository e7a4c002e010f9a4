import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  FEEDBACK_TEXT_LIMITS,
  type FeedbackFormField,
  type FeedbackValue,
  NOT_COVERED,
} from '../../domain/feedback/feedback-form.ts';
import { HIRE_SIGNALS } from '../../domain/feedback/feedback-rules.ts';
import type { Level } from '../../domain/matching/types.ts';
import { levelSteps } from '../../domain/question-bank/level-bars.ts';
import { dimensionApplies } from '../../domain/question-bank/rubric-dimensions.ts';
import type { RubricDimension, RubricFile } from '../../domain/question-bank/rubric-schema.ts';
import { escapeText } from './escape-text.ts';
import { clip, HIRE_SIGNAL_LABELS, levelBarText, NOT_COVERED_WORDS, SCORE_WORDS } from './feedback-labels.ts';
import { slackDate } from './slack-date.ts';

/** Ids shared by the builder and the submission listener. */
export const FEEDBACK_MODAL = {
  callbackId: 'feedback',
  actionId: 'value',
  blocks: {
    hireSignal: 'hire-signal',
    strengths: 'strengths',
    improvement: 'improvement',
    communication: 'communication',
    organizerNote: 'organizer-note',
  },
  ratingPrefix: 'rating-',
  selfPrefix: 'self-',
} as const;

/** The block a form field lives in, so an error lands next to it. */
export function feedbackBlockId(field: FeedbackFormField): string {
  if (field.startsWith('rating.')) return `${FEEDBACK_MODAL.ratingPrefix}${field.slice('rating.'.length)}`;
  if (field.startsWith('self.')) return `${FEEDBACK_MODAL.selfPrefix}${field.slice('self.'.length)}`;
  return FEEDBACK_MODAL.blocks[field as keyof typeof FEEDBACK_MODAL.blocks];
}

export interface FeedbackModalInput {
  sessionId: string;
  partnerSlackUserId: string;
  typeLabel: string;
  rubric: Pick<RubricFile, 'dimensions' | 'framework'> & Partial<Pick<RubricFile, 'levels'>>;
  /**
   * The topic of the prompt the partner answered, when known: dimensions the rubric says that
   * topic does not test start at "not covered" (the member can still score them).
   */
  promptTopic?: string | undefined;
  /** The level the partner prepares for, when known: the form shows the bar for it. */
  targetLevel?: Level | undefined;
  sessionStartsAt: number;
  /** When the feedback is revealed at the latest (and the form closes). */
  deadline: number;
  /** The member's earlier submission, to edit; null for a first one. */
  existing: (FeedbackValue & { editableUntil: number }) | null;
}

/** What the modal carries back to the submission listener. */
export interface FeedbackModalMetadata {
  sessionId: string;
}

const WHEN = '{date_short_pretty} at {time}';

function plain(text: string): { type: 'plain_text'; text: string } {
  return { type: 'plain_text', text };
}

function scoreOption(score: number, dimension: RubricDimension): PlainTextOption {
  const anchor = dimension.anchors[String(score) as '1' | '2' | '3' | '4'];
  // Radio buttons show a description under each option: the rubric's anchor for that level.
  return {
    text: plain(`${score} · ${SCORE_WORDS[score]}`),
    value: String(score),
    description: plain(anchor),
  };
}

function selfOption(score: number, dimension: RubricDimension): PlainTextOption {
  const anchor = dimension.anchors[String(score) as '1' | '2' | '3' | '4'];
  // A select has no descriptions and caps option text at 75 characters.
  return { text: plain(clip(`${score} · ${anchor}`, 75)), value: String(score) };
}

const notCoveredOption: PlainTextOption = {
  text: plain(NOT_COVERED_WORDS.option),
  value: NOT_COVERED,
  description: plain(NOT_COVERED_WORDS.description),
};

/**
 * `chosen` is the score to prefill, NOT_COVERED to prefill "not covered", or undefined for no
 * choice yet.
 */
function ratingBlock(
  dimension: RubricDimension,
  chosen: number | typeof NOT_COVERED | undefined,
): KnownBlock {
  const options = [...[1, 2, 3, 4].map((score) => scoreOption(score, dimension)), notCoveredOption];
  const initial = options.find((option) => option.value === String(chosen));
  return {
    type: 'input',
    block_id: `${FEEDBACK_MODAL.ratingPrefix}${dimension.id}`,
    label: plain(dimension.label),
    hint: plain(dimension.question),
    element: {
      type: 'radio_buttons',
      action_id: FEEDBACK_MODAL.actionId,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function selfBlock(dimension: RubricDimension, chosen: number | undefined): KnownBlock {
  const options = [1, 2, 3, 4].map((score) => selfOption(score, dimension));
  const initial = options.find((option) => option.value === String(chosen));
  return {
    type: 'input',
    block_id: `${FEEDBACK_MODAL.selfPrefix}${dimension.id}`,
    optional: true,
    label: plain(dimension.label),
    element: {
      type: 'static_select',
      action_id: FEEDBACK_MODAL.actionId,
      placeholder: plain('How did you do?'),
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function textBlock(
  blockId: string,
  label: string,
  options: {
    hint?: string;
    optional?: boolean;
    maxLength: number;
    initial: string | null | undefined;
    placeholder?: string;
  },
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(label),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: FEEDBACK_MODAL.actionId,
      multiline: true,
      max_length: options.maxLength,
      ...(options.placeholder ? { placeholder: plain(options.placeholder) } : {}),
      ...(options.initial ? { initial_value: options.initial } : {}),
    },
  };
}

/**
 * The feedback form for one session, built from the rubric of its interview type: a rating per
 * dimension with each level's anchor, the overall signal, strengths, one thing to improve, notes
 * on communication, the member's private self-rating per dimension and a note to organizers.
 * Prefilled when the member is editing what they sent.
 */
export function feedbackModal(input: FeedbackModalInput): ModalView {
  const { rubric, existing } = input;
  // Editing: a dimension left out of what was sent was marked not covered. A first submission:
  // dimensions the prompt's topic does not test start there.
  const prefill = (dimension: RubricDimension) =>
    existing
      ? (existing.ratings[dimension.id] ?? NOT_COVERED)
      : dimensionApplies(dimension, input.promptTopic)
        ? undefined
        : NOT_COVERED;
  const bar = rubric.levels
    ? levelBarText(levelSteps(rubric.levels, input.targetLevel), input.targetLevel)
    : null;
  const ids = FEEDBACK_MODAL.blocks;
  const signalOptions = HIRE_SIGNALS.map((signal) => ({
    text: plain(HIRE_SIGNAL_LABELS[signal]),
    value: signal,
  }));
  const signal = signalOptions.find((option) => option.value === existing?.hireSignal);
  const reveal = existing
    ? `You can change this until ${slackDate(new Date(existing.editableUntil), WHEN)}, while <@${input.partnerSlackUserId}> has not read it.`
    : `<@${input.partnerSlackUserId}> reads it once you have both sent yours, or on ${slackDate(new Date(input.deadline), WHEN)} at the latest, so neither of you is swayed by the other’s.`;

  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `Your feedback for <@${input.partnerSlackUserId}> on your *${input.typeLabel}* session of ${slackDate(new Date(input.sessionStartsAt), WHEN)}, on the ${escapeText(rubric.framework)} rubric. Rate what you saw when they were interviewed; mark a dimension *not covered* when the prompt or the time did not reach it.`,
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: reveal }] },
    { type: 'header', text: plain('Their interview') },
    ...rubric.dimensions.map((dimension) => ratingBlock(dimension, prefill(dimension))),
    ...(bar ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: bar }] }] : []),
    {
      type: 'input',
      block_id: ids.hireSignal,
      label: plain('Overall: would you hire them at their target level?'),
      element: {
        type: 'radio_buttons',
        action_id: FEEDBACK_MODAL.actionId,
        options: signalOptions,
        ...(signal ? { initial_option: signal } : {}),
      },
    },
    textBlock(ids.strengths, 'Strengths', {
      hint: 'What worked, as specifically as you can: what they said or did, and why it landed.',
      maxLength: FEEDBACK_TEXT_LIMITS.strengths,
      initial: existing?.strengths,
    }),
    textBlock(ids.improvement, 'One thing to improve', {
      hint: 'The single change that would help most in a real interview.',
      maxLength: FEEDBACK_TEXT_LIMITS.improvement,
      initial: existing?.improvement,
    }),
    textBlock(ids.communication, 'Communication', {
      optional: true,
      hint: 'Clarity, structure, filler words, use of time.',
      maxLength: FEEDBACK_TEXT_LIMITS.communication,
      initial: existing?.communication,
    }),
    { type: 'divider' },
    { type: 'header', text: plain('Your own interview (private)') },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Rate yourself on the same rubric. Only you see these; your Home tab compares them with what partners see. Leave out any you were not interviewed on.',
        },
      ],
    },
    ...rubric.dimensions.map((dimension) => selfBlock(dimension, existing?.selfRatings[dimension.id])),
    { type: 'divider' },
    textBlock(ids.organizerNote, 'Private note to organizers', {
      optional: true,
      hint: 'Only organizers read this, and never with your name; your partner never sees it.',
      maxLength: FEEDBACK_TEXT_LIMITS.organizerNote,
      initial: existing?.organizerNote,
    }),
  ];
  const metadata: FeedbackModalMetadata = { sessionId: input.sessionId };
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: plain('Session feedback'),
    submit: plain(existing ? 'Save changes' : 'Send feedback'),
    close: plain('Cancel'),
    blocks,
  };
}
