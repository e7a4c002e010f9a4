import type { KnownBlock } from '@slack/types';
import type { Level } from '../../domain/matching/types.ts';
import { levelSteps } from '../../domain/question-bank/level-bars.ts';
import { type RoundPlan, roundTimingText } from '../../domain/question-bank/round-timing.ts';
import { dimensionsFor } from '../../domain/question-bank/rubric-dimensions.ts';
import type { RubricFile } from '../../domain/question-bank/rubric-schema.ts';
import type { StoredQuestion } from '../../store/question-bank.ts';
import { escapeText } from './escape-text.ts';
import { levelBarText } from './feedback-labels.ts';
import type { SlackMessage } from './help-message.ts';
import { bulletList, levelRange, quoted } from './question-text.ts';
import { slackDate } from './slack-date.ts';

export interface SessionPromptInput {
  question: Pick<StoredQuestion, 'text' | 'levels' | 'followUps' | 'rubricHints' | 'topic' | 'rolePlayNotes'>;
  typeLabel: string;
  rubric: RubricFile | undefined;
  intervieweeSlackId: string;
  round: 1 | 2;
  startsAt: Date;
  /** The interviewer has answered this prompt before, so they know it from the other side. */
  interviewerKnows: boolean;
  /** The session's length and number of rounds, for the minutes this round has. */
  plan: RoundPlan;
  /** The level the interviewee prepares for: the brief shows the rubric's bar for it. */
  targetLevel: Level | undefined;
}

/**
 * The interviewer's private brief: the prompt, the part they play if any, its follow-ups, what to
 * listen for, the rubric dimensions this prompt tests, the bar for the interviewee's level and
 * the minutes this round has. Sent to the interviewer only; the interviewee never sees it.
 */
export function sessionPromptMessage(input: SessionPromptInput): SlackMessage {
  const when = slackDate(input.startsAt, '{date_short_pretty} at {time}');
  const order = input.round === 1 ? 'You ask first' : 'After the swap, you ask';
  const rolePlay = input.question.rolePlayNotes;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:closed_lock_with_key: *Your prompt for ${when}* · ${escapeText(input.typeLabel)} · ${levelRange(input.question.levels)}\n${order}; <@${input.intervieweeSlackId}> has not seen this.`,
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: quoted(input.question.text) } },
  ];
  if (rolePlay.length > 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Your part* (only you see this; stay in role until the time is up)\n${bulletList(rolePlay)}`,
      },
    });
  }
  blocks.push(
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${rolePlay.length > 0 ? '*Afterwards, debrief with*' : '*Follow-ups to probe with*'}\n${bulletList(input.question.followUps)}`,
      },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Listen for*\n${bulletList(input.question.rubricHints)}` },
    },
  );
  if (input.rubric) {
    const { applies, notCovered } = dimensionsFor(input.rubric.dimensions, input.question.topic);
    const dimensions = applies.map((dimension) => `${dimension.label}: ${dimension.question}`);
    const skipped =
      notCovered.length > 0
        ? `\n_Not tested by this prompt: ${notCovered.map((dimension) => escapeText(dimension.label)).join('; ')}. Mark ${notCovered.length === 1 ? 'it' : 'them'} not covered on the feedback form._`
        : '';
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Rubric* (${escapeText(input.rubric.framework)})\n${bulletList(dimensions)}${skipped}`,
      },
    });
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: levelBarText(levelSteps(input.rubric.levels, input.targetLevel), input.targetLevel),
        },
      ],
    });
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `*Timing:* ${escapeText(roundTimingText(input.rubric.timing, input.plan, input.question.topic))}`,
        },
      ],
    });
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
