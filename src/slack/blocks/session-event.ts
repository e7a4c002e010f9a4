import type { SESSION_EVENTS } from '../../queue/catalogue.ts';
import type { SessionRecord } from '../../store/sessions.ts';
import type { SlackMessage } from './help-message.ts';
import { slackDate } from './slack-date.ts';

type SessionEvent = (typeof SESSION_EVENTS)[number];

/** The short note in the pair's DM after a change; `actor` is who made it, when known. */
export function sessionEventMessage(
  event: SessionEvent,
  session: SessionRecord,
  typeLabel: string,
  actor: string | null,
): SlackMessage {
  const other = session.participants.find((p) => p.slackUserId !== actor)?.slackUserId;
  const when = slackDate(new Date(session.startsAt), '{date_long_pretty} at {time}');
  const who = actor ? `<@${actor}>` : 'Your partner';
  const lines: Record<SessionEvent, string> = {
    'half-confirmed': `${who} confirmed ${when}. <@${other}>, press *Confirm* above if it works for you too.`,
    moved: `${who} suggested ${when} instead. <@${other}>, press *Confirm* above if it works for you.`,
    confirmed: `:tada: It is on: *${typeLabel}*, ${when}. The calendar invite follows; reminders come before the start.`,
    cancelled: `${who} cancelled this session. <@${other}>, you are back at the front of the queue for your next match.`,
    reopened: `${who} needs another time. Pick one of the times above; the reminders for the old time are off.`,
    'no-show': `${who} reported that <@${other}> did not join. ${who}, I have put you back in the pool ahead of others.`,
  };
  return { text: lines[event], blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines[event] } }] };
}
