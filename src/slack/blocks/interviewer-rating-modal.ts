import type { ModalView, PlainTextOption } from '@slack/types';
import type {
  InterviewerRatingField,
  InterviewerRatingValue,
} from '../../domain/feedback/interviewer-rating.ts';

/** Ids shared by the builder, the buttons that open it and the submission listener. */
export const INTERVIEWER_RATING_MODAL = {
  callbackId: 'interviewer-rating',
  /** "Rate your interviewer" on the check-in message. */
  openActionId: 'interviewer-rating-open',
  blocks: {
    questionQuality: 'question-quality',
    feedbackQuality: 'feedback-quality',
  } satisfies Record<InterviewerRatingField, string>,
  actionId: 'value',
} as const;

const SCALES: Record<InterviewerRatingField, { label: string; words: [string, string, string, string] }> = {
  questionQuality: {
    label: 'The questions',
    words: [
      '1 · Off target: not the kind of interview I asked for',
      '2 · Fair, but rarely pushed past my first answer',
      '3 · Realistic, with follow-ups that made me think',
      '4 · As good as a real panel: probing, fair, well timed',
    ],
  },
  feedbackQuality: {
    label: 'The feedback afterwards',
    words: [
      '1 · Little or none',
      '2 · General: “good job”, not much to act on',
      '3 · Specific, with at least one thing to change',
      '4 · Specific, kind and honest: I know what to practise next',
    ],
  },
};

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: text.slice(0, 75) }, value };
}

/**
 * The interviewee's private rating of the interviewer. It is never shown to them: it only helps
 * Mockingbird pair members with good interviewers, so it can be candid.
 */
export function interviewerRatingModal(input: {
  sessionId: string;
  interviewerSlackUserId: string;
  typeLabel: string;
  existing: InterviewerRatingValue | null;
}): ModalView {
  const ids = INTERVIEWER_RATING_MODAL.blocks;
  const field = (name: InterviewerRatingField) => {
    const scale = SCALES[name];
    const options = scale.words.map((words, index) => option(words, String(index + 1)));
    const chosen = input.existing ? options[input.existing[name] - 1] : undefined;
    return {
      type: 'input' as const,
      block_id: ids[name],
      label: { type: 'plain_text' as const, text: scale.label },
      element: {
        type: 'radio_buttons' as const,
        action_id: INTERVIEWER_RATING_MODAL.actionId,
        options,
        ...(chosen ? { initial_option: chosen } : {}),
      },
    };
  };
  return {
    type: 'modal',
    callback_id: INTERVIEWER_RATING_MODAL.callbackId,
    private_metadata: input.sessionId,
    title: { type: 'plain_text', text: 'Rate your interviewer' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `How was <@${input.interviewerSlackUserId}> as your interviewer in this *${input.typeLabel}* session? *Only Mockingbird sees this*: it is never shown to them, and it helps pair members with good interviewers.`,
        },
      },
      field('questionQuality'),
      field('feedbackQuality'),
    ],
  };
}
