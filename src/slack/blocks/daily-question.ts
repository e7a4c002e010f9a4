import type { KnownBlock } from '@slack/types';
import type { Level } from '../../domain/matching/types.ts';
import { escapeText } from './escape-text.ts';
import type { SlackMessage } from './help-message.ts';
import { levelRange, quoted } from './question-text.ts';

/** Action ids of the daily post's buttons, shared by the blocks and the listeners. */
export const DAILY_QUESTION_ACTIONS = {
  practise: 'daily-question-practise',
  hint: 'daily-question-hint',
} as const;

export interface DailyQuestionView {
  /** The question's row id: both buttons carry it. */
  id: string;
  text: string;
  levels: readonly Level[];
  hint: string;
}

/** The day's post: the question, its type and level, and the two buttons; answers go in the thread. */
export function dailyQuestionMessage(question: DailyQuestionView, typeLabel: string): SlackMessage {
  const levels = levelRange(question.levels);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Question of the day' } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `*${escapeText(typeLabel)}* · ${levels}` }],
    },
    { type: 'section', text: { type: 'mrkdwn', text: quoted(question.text) } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: DAILY_QUESTION_ACTIONS.practise,
          text: { type: 'plain_text', text: 'Practise this with a partner' },
          style: 'primary',
          value: question.id,
        },
        {
          type: 'button',
          action_id: DAILY_QUESTION_ACTIONS.hint,
          text: { type: 'plain_text', text: 'Hint' },
          value: question.id,
        },
      ],
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Answer in the thread: a short structure is enough, and replies to each other’s answers are welcome.',
        },
      ],
    },
  ];
  // The notification text is mrkdwn too: an organizer's question must not become <!channel> there.
  return { text: `Question of the day (${typeLabel}, ${levels}): ${escapeText(question.text)}`, blocks };
}

/** The "Hint" button's private answer: the framework that fits the type, and the question's hint. */
export function dailyHintMessage(question: DailyQuestionView, framework: string | null): SlackMessage {
  const heading = framework ? `*Hint* · a framework that fits: *${escapeText(framework)}*` : '*Hint*';
  const text = `${heading}\n${escapeText(question.hint)}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Only you can see this hint.' }] },
    ],
  };
}

/** Told to the organizer who set the question up when Slack refuses the post for good. */
export function dailyPostFailedMessage(channelId: string, slackError: string): SlackMessage {
  const fix =
    slackError === 'is_archived'
      ? 'The channel is archived; pick another with `/mock admin daily`.'
      : 'If the channel is private, invite me with `/invite @mockingbird` there, or pick another channel with `/mock admin daily`.';
  const text = `I could not post today’s question of the day in <#${channelId}> (Slack said \`${escapeText(slackError)}\`). ${fix}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
