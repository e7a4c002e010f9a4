import type { SessionStatus } from '../sessions/session-lifecycle.ts';

/**
 * The organizer export's rows: one per session, what happened to it and to each side, and how
 * many feedback forms were written. Counts and states only: no feedback text, no notes, no names
 * (Slack user ids, which the organizer's Slack turns back into people). Pure, so every state a
 * session can end in is a table row in the unit tests.
 */

export interface ExportParticipant {
  memberId: string;
  slackUserId: string;
  /** The first round's interviewer; the other asks second, when they swap. */
  interviewsFirst: boolean;
  /** What the member's request offered, which decides whether the pair swaps. */
  role: 'INTERVIEWER' | 'INTERVIEWEE' | 'BOTH';
  level: string;
  confirmedAt: number | null;
  noShow: boolean;
  lateCancel: boolean;
}

export interface ExportSession {
  id: string;
  startsAt: number;
  durationMinutes: number;
  interviewType: string;
  status: SessionStatus;
  cancelledById: string | null;
  /** Members who submitted a feedback form on this session (one form each at most). */
  feedbackAuthorIds: string[];
  /** One or two: a member who erased their data takes their side of the session with them. */
  participants: ExportParticipant[];
}

/** What each side did; the values an organizer filters the attendance columns by. */
export type Attendance =
  | 'attended'
  | 'no-show'
  | 'cancelled'
  | 'cancelled-late'
  | 'partner-cancelled'
  | 'called-off'
  | 'did-not-confirm'
  | 'released'
  | 'scheduled';

/** What became of the session as a whole. */
export type SessionOutcome =
  | 'completed'
  | 'no-show'
  | 'cancelled'
  | 'cancelled-late'
  | 'called-off'
  | 'released'
  | 'unconfirmed'
  | 'upcoming'
  | 'awaiting-check-in';

export const SESSION_EXPORT_COLUMNS = [
  'session_id',
  'starts_at_utc',
  'duration_minutes',
  'interview_type',
  'status',
  'outcome',
  'rounds',
  'first_interviewer_slack_id',
  'first_interviewer_level',
  'first_interviewer_attendance',
  'first_interviewer_feedback_submitted',
  'first_interviewee_slack_id',
  'first_interviewee_level',
  'first_interviewee_attendance',
  'first_interviewee_feedback_submitted',
  'feedback_forms_submitted',
] as const;

export interface SessionExportSummary {
  sessions: number;
  completed: number;
  noShows: number;
  cancelled: number;
  released: number;
  /** Not settled yet: unconfirmed, upcoming, or past and waiting for the check-in. */
  open: number;
  feedbackForms: number;
}

/** The header and one row per session, in the order given (the store sorts by start time). */
export function sessionExportTable(sessions: readonly ExportSession[], now: number): string[][] {
  return [[...SESSION_EXPORT_COLUMNS], ...sessions.map((session) => sessionRow(session, now))];
}

function sessionRow(session: ExportSession, now: number): string[] {
  const first = session.participants.find((p) => p.interviewsFirst);
  const second = session.participants.find((p) => p !== first);
  const authors = new Set(session.feedbackAuthorIds);
  const side = (participant: ExportParticipant | undefined): string[] =>
    participant
      ? [
          participant.slackUserId,
          participant.level,
          attendanceOf(session, participant),
          authors.has(participant.memberId) ? 'yes' : 'no',
        ]
      : ['', '', '', ''];
  return [
    session.id,
    new Date(session.startsAt).toISOString(),
    String(session.durationMinutes),
    session.interviewType,
    session.status.toLowerCase(),
    outcomeOf(session, now),
    String(roundsOf(first, second)),
    ...side(first),
    ...side(second),
    String(authors.size),
  ];
}

/** The pair swaps only when the first interviewee offered to ask and the first interviewer to answer. */
function roundsOf(first: ExportParticipant | undefined, second: ExportParticipant | undefined): number {
  if (!first || !second) return 1;
  return second.role !== 'INTERVIEWEE' && first.role !== 'INTERVIEWER' ? 2 : 1;
}

export function attendanceOf(session: ExportSession, participant: ExportParticipant): Attendance {
  switch (session.status) {
    case 'COMPLETED':
      return participant.noShow ? 'no-show' : 'attended';
    case 'CANCELLED':
      // No canceller: the pair said they did not meet and no time was left, or a member erased
      // their data. Nobody is to blame.
      if (session.cancelledById === null) return 'called-off';
      if (session.cancelledById !== participant.memberId) return 'partner-cancelled';
      return participant.lateCancel ? 'cancelled-late' : 'cancelled';
    case 'RELEASED':
      return participant.confirmedAt === null ? 'did-not-confirm' : 'released';
    case 'PROPOSED':
    case 'CONFIRMED':
      return 'scheduled';
  }
}

export function outcomeOf(session: ExportSession, now: number): SessionOutcome {
  switch (session.status) {
    case 'COMPLETED':
      return session.participants.some((p) => p.noShow) ? 'no-show' : 'completed';
    case 'CANCELLED': {
      if (session.cancelledById === null) return 'called-off';
      const canceller = session.participants.find((p) => p.memberId === session.cancelledById);
      return canceller?.lateCancel ? 'cancelled-late' : 'cancelled';
    }
    case 'RELEASED':
      return 'released';
    case 'PROPOSED':
      return 'unconfirmed';
    case 'CONFIRMED':
      return session.startsAt + session.durationMinutes * 60_000 > now ? 'upcoming' : 'awaiting-check-in';
  }
}

/** The counts the message beside the file gives, so the organizer sees the gist without opening it. */
export function summariseSessionExport(
  sessions: readonly ExportSession[],
  now: number,
): SessionExportSummary {
  const outcomes = sessions.map((session) => outcomeOf(session, now));
  const count = (...wanted: SessionOutcome[]) =>
    outcomes.filter((outcome) => wanted.includes(outcome)).length;
  return {
    sessions: sessions.length,
    completed: count('completed'),
    noShows: count('no-show'),
    cancelled: count('cancelled', 'cancelled-late', 'called-off'),
    released: count('released'),
    open: count('upcoming', 'unconfirmed', 'awaiting-check-in'),
    feedbackForms: sessions.reduce((sum, session) => sum + new Set(session.feedbackAuthorIds).size, 0),
  };
}
