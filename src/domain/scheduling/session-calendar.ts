import { createEvent } from 'ics';

export interface CalendarSession {
  id: string;
  version: number;
  startsAt: number;
  durationMinutes: number;
  typeLabel: string;
  /** Where to meet: a meeting link, or null for "a huddle in the Slack DM". */
  meetingLink: string | null;
  /** Two rounds (they change places halfway), or one (an interviewer-only member asks). */
  swap: boolean;
}

/**
 * The .ics invite uploaded to the pair's DM. The uid is the session's, and the sequence its
 * version, so a calendar that imported an earlier invite updates the event instead of adding one.
 * Written with the `ics` library: escaping, folding and UTC stamps are easy to get subtly wrong.
 */
export function sessionCalendarFile(session: CalendarSession): string {
  const { error, value } = createEvent({
    uid: `session-${session.id}@mockingbird`,
    sequence: session.version,
    productId: 'mockingbird/sessions',
    method: 'PUBLISH',
    start: session.startsAt,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: session.durationMinutes },
    title: `Mock interview: ${session.typeLabel}`,
    description: session.swap
      ? 'Peer mock interview arranged by Mockingbird in Slack. Swap roles halfway and leave time for feedback.'
      : 'Peer mock interview arranged by Mockingbird in Slack: one round, with time for feedback at the end.',
    location: session.meetingLink ?? 'Slack huddle in your group DM',
    ...(session.meetingLink ? { url: session.meetingLink } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    alarms: [{ action: 'display', description: 'Mock interview', trigger: { minutes: 10, before: true } }],
  });
  if (error || !value) throw error ?? new Error('the calendar file came out empty');
  return value;
}
