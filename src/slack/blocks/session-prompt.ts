import type { KnownBlock } from '@slack/types';
import type { RubricFile } from '../../domain/question-bank/rubric-schema.ts';
import type { StoredQuestion } from '../../store/question-bank.ts';
import { escapeText } from './escape-text.ts';
import type { SlackMessage } from './help-message.ts';
import { bulletList, levelRange, quoted } from './question-text.ts';
import { slackDate } from './slack-date.ts';

export interface SessionPromptInput {
  question: Pick<StoredQuestion, 'text' | 'levels' | 'followUps' | 'rubricHints'>;
  typeLabel: string;
  rubric: RubricFile | undefined;
  intervieweeSlackId: string;
  round: 1 | 2;
  startsAt: Date;
  /** The interviewer has answered this prompt before, so they know it from the other side. */
  interviewerKnows: boolean;
}

/**
 * The interviewer's private brief: the prompt, its follow-ups, what to listen for, and timing.
 * Sent to the interviewer only; the interviewee never sees it before the session.
 */
export function sessionPromptMessage(input: SessionPromptInput): SlackMessage {
  const when = slackDate(input.startsAt, '{date_short_pretty} at {time}');
  const order = input.round === 1 ? 'You ask first' : 'After the swap, you ask';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:closed_lock_with_key: *Your prompt for ${when}* · ${escapeText(input.typeLabel)} · ${levelRange(input.question.levels)}\n${order}; <@${input.intervieweeSlackId}> has not seen this.`,
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: quoted(input.question.text) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Follow-ups to probe with*\n${bulletList(input.question.followUps)}` },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Listen for*\n${bulletList(input.question.rubricHints)}` },
    },
  ];
  if (input.rubric) {
    const dimensions = input.rubric.dimensions.map(
      (dimension) => `${dimension.label}: ${dimension.question}`,
    );
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*Rubric* (${escapeText(input.rubric.framework)})\n${bulletList(dimensions)}`,
        },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `*Timing:* ${escapeText(input.rubric.timing)}` }],
      },
    );
  }
  if (input.interviewerKnows) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'You have answered this one yourself before, so you know where it gets hard.',
        },
      ],
    });
  }
  return { text: `Your prompt for the ${input.typeLabel} session: ${input.question.text}`, blocks };
}
