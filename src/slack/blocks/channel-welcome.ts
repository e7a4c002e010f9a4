import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from './help-message.ts';
import { HOME_ACTIONS } from './home-view.ts';

/**
 * The private note for someone who just joined the practice channel: what Mockingbird does, and
 * one button. The button is the Home tab's "Find a partner" (same action id, same listener), so
 * it opens the request modal exactly as the tab does.
 */
export function channelWelcomeMessage(channelId: string): SlackMessage {
  const text = [
    `*Welcome to <#${channelId}>!* I’m Mockingbird: I pair you with another member for a mock interview of the type and level you pick, at a time that suits you both.`,
    'Your interviewer gets a prompt and a rubric, I send reminders, and afterwards you swap feedback.',
  ].join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: HOME_ACTIONS.findPartner,
          style: 'primary',
          text: { type: 'plain_text', text: 'Find a practice partner' },
        },
      ],
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Only you can see this. Later, `/mock` or the shortcut menu does the same.',
        },
      ],
    },
  ];
  return { text: `Welcome to <#${channelId}>! Mockingbird finds you a mock-interview partner.`, blocks };
}
