import type { AnnouncedEvent } from '../../domain/sessions/session-lifecycle.ts';
import type { SessionRecord } from '../../store/sessions.ts';
import type { SlackMessage } from './help-message.ts';
import { slackDate } from './slack-date.ts';

/** The short note in the pair's DM after a change; `actor` is who made it, when known. */
export function sessionEventMessage(
  event: Exclude<AnnouncedEvent, 'checked-in'>,
  session: SessionRecord,
  typeLabel: string,
  actor: string | null,
): SlackMessage {
  const otherId = session.participants.find((p) => p.slackUserId !== actor)?.slackUserId;
  const other = otherId ? `<@${otherId}>` : 'Your partner';
  const when = slackDate(new Date(session.startsAt), '{date_long_pretty} at {time}');
  const who = actor ? `<@${actor}>` : 'Your partner';
  const lines: Record<typeof event, string> = {
    'half-confirmed': `${who} confirmed ${when}. ${other}, press *Confirm* above if it works for you too.`,
    moved: `${who} suggested ${when} instead. ${other}, press *Confirm* above if it works for you.`,
    confirmed: `:tada: It is on: *${typeLabel}*, ${when}. The calendar invite follows; reminders come before the start.`,
    cancelled: `${who} cancelled this session. ${other}, you are back at the front of the queue for your next match.`,
    released:
      'No time was agreed in time, so I released this session. You are both back in the pool, at the front of the queue.',
    reopened: `${who} needs another time. Pick one of the times above; the reminders for the old time are off.`,
    rebook:
      'You did not get to meet, so this one does not count as done, and nothing counts against anyone. No offered time is left: you are both back in the pool at the front of the queue. `/mock status` shows what comes next.',
    'no-show': `${who} reported that ${other} did not join. ${who}, I have put you back in the pool ahead of others.`,
    // Addressed to nobody by name: the one who left may not be erased yet when this is drawn.
    'partner-left':
      'Your partner has left Mockingbird, so this session is off. You are back at the front of the queue for your next match.',
  };
  return { text: lines[event], blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines[event] } }] };
}
