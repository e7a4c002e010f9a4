import { describe, expect, it } from 'vitest';
import {
  type ExportParticipant,
  type ExportSession,
  SESSION_EXPORT_COLUMNS,
  sessionExportTable,
  summariseSessionExport,
} from '../../../src/domain/export/session-export.ts';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const HOUR = 3_600_000;

function participant(overrides: Partial<ExportParticipant> & { memberId: string }): ExportParticipant {
  return {
    slackUserId: `U0${overrides.memberId.toUpperCase()}`,
    interviewsFirst: false,
    role: 'BOTH',
    level: 'SENIOR',
    confirmedAt: null,
    noShow: false,
    lateCancel: false,
    ...overrides,
  };
}

function session(overrides: Partial<ExportSession> = {}): ExportSession {
  return {
    id: 's1',
    startsAt: Date.parse('2026-11-03T18:00:00Z'),
    durationMinutes: 45,
    interviewType: 'execution',
    status: 'COMPLETED',
    cancelledById: null,
    feedbackAuthorIds: [],
    participants: [
      participant({ memberId: 'ana', interviewsFirst: true, confirmedAt: NOW - 48 * HOUR }),
      participant({ memberId: 'bo', level: 'STAFF', confirmedAt: NOW - 47 * HOUR }),
    ],
    ...overrides,
  };
}

/** One data row as column → value, for readable expectations. */
function row(value: ExportSession): Record<string, string> {
  const [header, cells] = sessionExportTable([value], NOW) as [string[], string[]];
  return Object.fromEntries(header.map((name, at) => [name, cells[at]!]));
}

const withParticipant = (value: ExportSession, memberId: string, change: Partial<ExportParticipant>) => ({
  ...value,
  participants: value.participants.map((p) => (p.memberId === memberId ? { ...p, ...change } : p)),
});

describe('sessionExportTable', () => {
  it('starts with the header and writes one row per session, each side in its columns', () => {
    const table = sessionExportTable([session({ feedbackAuthorIds: ['ana', 'bo'] })], NOW);
    expect(table[0]).toEqual([...SESSION_EXPORT_COLUMNS]);
    expect(row(session({ feedbackAuthorIds: ['ana', 'bo'] }))).toEqual({
      session_id: 's1',
      starts_at_utc: '2026-11-03T18:00:00.000Z',
      duration_minutes: '45',
      interview_type: 'execution',
      status: 'completed',
      outcome: 'completed',
      rounds: '2',
      first_interviewer_slack_id: 'U0ANA',
      first_interviewer_level: 'SENIOR',
      first_interviewer_attendance: 'attended',
      first_interviewer_feedback_submitted: 'yes',
      first_interviewee_slack_id: 'U0BO',
      first_interviewee_level: 'STAFF',
      first_interviewee_attendance: 'attended',
      first_interviewee_feedback_submitted: 'yes',
      feedback_forms_submitted: '2',
    });
  });

  it('puts the first interviewer first whatever order the participants come in', () => {
    const base = session();
    const swapped = { ...base, participants: [...base.participants].reverse() };
    expect(row(swapped)).toMatchObject({
      first_interviewer_slack_id: 'U0ANA',
      first_interviewee_slack_id: 'U0BO',
    });
  });

  it.each([
    ['a completed session', session(), 'completed', 'attended', 'attended'],
    [
      'Bo reported absent',
      withParticipant(session(), 'bo', { noShow: true }),
      'no-show',
      'attended',
      'no-show',
    ],
    [
      'Ana cancelled in good time',
      session({ status: 'CANCELLED', cancelledById: 'ana' }),
      'cancelled',
      'cancelled',
      'partner-cancelled',
    ],
    [
      'Bo cancelled late',
      withParticipant(session({ status: 'CANCELLED', cancelledById: 'bo' }), 'bo', { lateCancel: true }),
      'cancelled-late',
      'partner-cancelled',
      'cancelled-late',
    ],
    [
      'called off without blame',
      session({ status: 'CANCELLED', cancelledById: null }),
      'called-off',
      'called-off',
      'called-off',
    ],
    [
      'released with Bo never confirming',
      withParticipant(session({ status: 'RELEASED' }), 'bo', { confirmedAt: null }),
      'released',
      'released',
      'did-not-confirm',
    ],
    [
      'proposed',
      session({ status: 'PROPOSED', startsAt: NOW + HOUR }),
      'unconfirmed',
      'scheduled',
      'scheduled',
    ],
    [
      'confirmed and ahead',
      session({ status: 'CONFIRMED', startsAt: NOW + HOUR }),
      'upcoming',
      'scheduled',
      'scheduled',
    ],
    [
      'confirmed, over, not checked in',
      session({ status: 'CONFIRMED', startsAt: NOW - 2 * HOUR }),
      'awaiting-check-in',
      'scheduled',
      'scheduled',
    ],
  ])('%s', (_name, value, outcome, first, second) => {
    expect(row(value)).toMatchObject({
      outcome,
      first_interviewer_attendance: first,
      first_interviewee_attendance: second,
    });
  });

  it('counts feedback forms per author and says who wrote one', () => {
    expect(row(session({ feedbackAuthorIds: ['bo'] }))).toMatchObject({
      first_interviewer_feedback_submitted: 'no',
      first_interviewee_feedback_submitted: 'yes',
      feedback_forms_submitted: '1',
    });
  });

  it('leaves a side blank when its member erased their data, and the pair then has one round', () => {
    const base = session({ status: 'CANCELLED' });
    expect(row({ ...base, participants: base.participants.slice(0, 1) })).toMatchObject({
      rounds: '1',
      first_interviewer_slack_id: 'U0ANA',
      first_interviewee_slack_id: '',
      first_interviewee_attendance: '',
      first_interviewee_feedback_submitted: '',
    });
  });

  it('has one round when the first interviewer only wanted to ask', () => {
    expect(row(withParticipant(session(), 'ana', { role: 'INTERVIEWER' }))).toMatchObject({ rounds: '1' });
  });
});

describe('summariseSessionExport', () => {
  it('counts sessions by what became of them, and the forms written', () => {
    expect(
      summariseSessionExport(
        [
          session({ feedbackAuthorIds: ['ana', 'bo'] }),
          withParticipant(session({ feedbackAuthorIds: ['ana'] }), 'bo', { noShow: true }),
          session({ status: 'CANCELLED', cancelledById: 'ana' }),
          session({ status: 'CANCELLED', cancelledById: null }),
          session({ status: 'RELEASED' }),
          session({ status: 'CONFIRMED', startsAt: NOW + HOUR }),
        ],
        NOW,
      ),
    ).toEqual({
      sessions: 6,
      completed: 1,
      noShows: 1,
      cancelled: 2,
      released: 1,
      open: 1,
      feedbackForms: 3,
    });
  });
});
