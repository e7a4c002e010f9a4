import type { SlackMessage } from './help-message.ts';

export const RESUME_MATCHING_ACTION = 'resume-matching';

/** Why the member was paused, without blame, and the way back in one click. */
export function autoPausedMessage(lapses: number): SlackMessage {
  const text = `I have paused your matching: your last ${lapses} sessions went ahead without you (no confirmation, or your partner reported you absent). Partners wait for each other, so I will not match you again until you say you are back. Nothing else changes, and your history stays private.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: RESUME_MATCHING_ACTION,
            style: 'primary',
            text: { type: 'plain_text', text: 'I am back: resume matching' },
            value: 'resume',
          },
        ],
      },
    ],
  };
}
