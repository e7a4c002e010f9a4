import type { SessionRecord } from '../../store/sessions.ts';
import { FEEDBACK_ACTIONS } from './feedback-labels.ts';
import type { SlackMessage } from './help-message.ts';
import { INTERVIEWER_RATING_MODAL } from './interviewer-rating-modal.ts';
import { NO_SHOW_CONFIRM, SESSION_ACTIONS } from './session-actions.ts';
import { pairOf, sessionOrder } from './session-intro.ts';

/**
 * "How did it go?" at the end of a session: in a swap both write feedback for each other; one way,
 * the interviewer writes it and the interviewee rates the interviewer, privately.
 */
export function sessionCheckInMessage(session: SessionRecord, typeLabel: string): SlackMessage {
  const { first, second } = pairOf(session);
  const order = sessionOrder(session);
  const ask =
    order && !order.swap
      ? `<@${order.interviewer}>, a few honest lines of feedback for <@${order.interviewee}> are the most useful part of a mock. <@${order.interviewee}>, tell Mockingbird privately how <@${order.interviewer}> did as your interviewer: they never see it.`
      : 'A few honest lines of feedback for each other are the most useful part of a mock; and you can each rate the other as an interviewer, privately.';
  return {
    text: `How did your ${typeLabel} session go?`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:speech_balloon: <@${first}>, <@${second}>: how did your *${typeLabel}* session go? ${ask}`,
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
            action_id: INTERVIEWER_RATING_MODAL.openActionId,
            text: { type: 'plain_text', text: 'Rate your interviewer' },
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
