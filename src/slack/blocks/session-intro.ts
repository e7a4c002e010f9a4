import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from './help-message.ts';
import { slackDate } from './slack-date.ts';

export interface IntroFacts {
  slackUserIds: [string, string];
  interviewTypeLabel: string;
  startsAt: Date;
  durationMinutes: number;
  /** Why the two were matched, from the engine. */
  reason: string;
  firstInterviewerSlackId: string;
}

/** The group-DM intro: who, what, when (in each reader's own time), who interviews first, and why. */
export function sessionIntroMessage(facts: IntroFacts): SlackMessage {
  const [a, b] = facts.slackUserIds;
  const second = facts.firstInterviewerSlackId === a ? b : a;
  const when = slackDate(facts.startsAt, '{date_long_pretty} at {time}');
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:wave: <@${a}> and <@${b}>, you are matched for a *${facts.interviewTypeLabel}* mock interview.`,
      },
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Proposed time*\n${when} (${facts.durationMinutes} min)` },
        {
          type: 'mrkdwn',
          text: `*Interviews first*\n<@${facts.firstInterviewerSlackId}>, then swap with <@${second}>`,
        },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Why you two: ${facts.reason}` }] },
  ];
  return {
    text: `You are matched for a ${facts.interviewTypeLabel} mock interview, proposed for ${when}.`,
    blocks,
  };
}
