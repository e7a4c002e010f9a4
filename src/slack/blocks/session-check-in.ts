import type { SessionRecord } from '../../store/sessions.ts';
import { FEEDBACK_ACTIONS } from './feedback-labels.ts';
import type { SlackMessage } from './help-message.ts';
import { NO_SHOW_CONFIRM, SESSION_ACTIONS } from './session-actions.ts';
import { pairOf } from './session-intro.ts';

/** "How did it go?" at the end of a session. */
export function sessionCheckInMessage(session: SessionRecord, typeLabel: string): SlackMessage {
  const { first, second } = pairOf(session);
  return {
    text: `How did your ${typeLabel} session go?`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:speech_balloon: <@${first}>, <@${second}>: how did your *${typeLabel}* session go? A few honest lines of feedback for each other are the most useful part of a mock.`,
        },
      },
      {
        type: 'actions',
        elements: [
          {
            // Each presses it for themselves: the form is about the partner of whoever opens it.
            type: 'button',
            action_id: FEEDBACK_ACTIONS.open,
            style: 'primary',
            text: { type: 'plain_text', text: 'Give feedback' },
            value: session.id,
          },
          {
            type: 'button',
            action_id: SESSION_ACTIONS.reschedule,
            text: { type: 'plain_text', text: 'We rescheduled' },
            value: session.id,
          },
          {
            type: 'button',
            action_id: SESSION_ACTIONS.noShow,
            text: { type: 'plain_text', text: 'My partner did not show up' },
            value: session.id,
            confirm: NO_SHOW_CONFIRM,
          },
        ],
      },
    ],
  };
}
