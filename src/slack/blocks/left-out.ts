import type { SlackMessage } from './help-message.ts';
import { slackDate } from './slack-date.ts';

/** The odd one out is told, never dropped silently (README.md, "What it does"), with when the next try is. */
export function leftOutMessage(interviewTypeLabels: string[], nextSweepAt: Date): SlackMessage {
  const text =
    `No partner for your ${interviewTypeLabels.join(', ')} request this round: the people free at your times ` +
    `were already paired, and someone had to be the odd one out. You go to the front of the queue for the next ` +
    `round, ${slackDate(nextSweepAt, '{date_short_pretty} at {time}')}. Wider times help: \`/mock status\` shows yours.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
