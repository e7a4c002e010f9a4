import { formatLeadTime } from '../../domain/availability/format-window.ts';
import type { SessionRecord } from '../../store/sessions.ts';
import type { SlackMessage } from './help-message.ts';
import { sessionOrder } from './session-intro.ts';
import { slackDate } from './slack-date.ts';

/** "Starts in 15 minutes", with the time in each reader's zone and what to do before it. */
export function sessionReminderMessage(
  session: SessionRecord,
  typeLabel: string,
  beforeStartMs: number,
): SlackMessage {
  const when = slackDate(new Date(session.startsAt), '{time} ({date_short_pretty})');
  const minutes = beforeStartMs / 60_000;
  const lead = minutes < 1 ? 'a moment' : formatLeadTime(minutes);
  const order = sessionOrder(session);
  const who = !order
    ? ''
    : order.swap
      ? ` <@${order.interviewer}> interviews first, then you swap.`
      : ` <@${order.interviewer}> interviews <@${order.interviewee}>.`;
  const text = `:alarm_clock: Your *${typeLabel}* session starts in ${lead}, at ${when}.${who} A short brief (focus area, target level and company) helps your interviewer.`;
  return {
    text: `Reminder: your ${typeLabel} session starts in ${lead}.`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}
