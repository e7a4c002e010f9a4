import { describe, expect, it } from 'vitest';
import {
  FEEDBACK_CORRECTION_WINDOW_MS,
  FEEDBACK_DEADLINE_MS,
  FEEDBACK_EDIT_WINDOW_MS,
  type FeedbackSessionFacts,
  feedbackAccess,
  feedbackDeadline,
  revealIsDue,
} from '../../../src/domain/feedback/feedback-rules.ts';

const HOUR = 3600 * 1000;
const ended = 1_000 * HOUR;
const session: FeedbackSessionFacts = {
  status: 'COMPLETED',
  startsAt: ended - HOUR,
  durationMinutes: 45,
  endedAt: ended,
  noShow: false,
};
const deadline = ended + FEEDBACK_DEADLINE_MS;

describe('feedbackDeadline', () => {
  it('counts from the recorded end, else from the planned end', () => {
    expect(feedbackDeadline(session)).toBe(deadline);
    expect(feedbackDeadline({ ...session, endedAt: null })).toBe(
      ended - HOUR + 45 * 60_000 + FEEDBACK_DEADLINE_MS,
    );
  });
});

describe('feedbackAccess', () => {
  it.each<
    [
      string,
      Partial<FeedbackSessionFacts>,
      { submittedAt: number; revealedAt: number | null } | null,
      number,
      unknown,
    ]
  >([
    ['a first submission after the session', {}, null, ended + HOUR, { kind: 'new', deadline }],
    [
      'not before the session is over',
      { status: 'CONFIRMED' },
      null,
      ended,
      { kind: 'closed', reason: 'not-finished' },
    ],
    ['not for a no-show', { noShow: true }, null, ended, { kind: 'closed', reason: 'no-show' }],
    ['not after the deadline', {}, null, deadline, { kind: 'closed', reason: 'past-deadline' }],
    [
      'an edit within a day of sending',
      {},
      { submittedAt: ended + HOUR, revealedAt: null },
      ended + 10 * HOUR,
      { kind: 'edit', deadline, editableUntil: ended + HOUR + FEEDBACK_EDIT_WINDOW_MS, afterReveal: false },
    ],
    [
      'a correction (marked edited) in the half hour after the partner was shown it',
      {},
      { submittedAt: ended + HOUR, revealedAt: ended + 2 * HOUR },
      ended + 2 * HOUR + 10 * 60_000,
      {
        kind: 'edit',
        deadline,
        editableUntil: ended + 2 * HOUR + FEEDBACK_CORRECTION_WINDOW_MS,
        afterReveal: true,
      },
    ],
    [
      'no edit once the correction window after the reveal is over',
      {},
      { submittedAt: ended + HOUR, revealedAt: ended + 2 * HOUR },
      ended + 2 * HOUR + FEEDBACK_CORRECTION_WINDOW_MS,
      { kind: 'closed', reason: 'revealed' },
    ],
    [
      'no edit a day after sending',
      {},
      { submittedAt: ended + HOUR, revealedAt: null },
      ended + HOUR + FEEDBACK_EDIT_WINDOW_MS,
      { kind: 'closed', reason: 'edit-window-over' },
    ],
    [
      'the edit window ends at the deadline',
      {},
      { submittedAt: deadline - HOUR, revealedAt: null },
      deadline - 30 * 60_000,
      { kind: 'edit', deadline, editableUntil: deadline, afterReveal: false },
    ],
  ])('%s', (_name, facts, existing, now, expected) => {
    expect(feedbackAccess({ ...session, ...facts }, existing, now)).toEqual(expected);
  });
});

describe('revealIsDue', () => {
  it.each<[string, { participants: number; submitted: number; deadline: number }, number, boolean]>([
    ['nothing written', { participants: 2, submitted: 0, deadline: 10 }, 20, false],
    ['one of two, before the deadline', { participants: 2, submitted: 1, deadline: 10 }, 5, false],
    ['one of two, at the deadline', { participants: 2, submitted: 1, deadline: 10 }, 10, true],
    ['both', { participants: 2, submitted: 2, deadline: 10 }, 5, true],
  ])('%s', (_name, facts, now, due) => {
    expect(revealIsDue(facts, now)).toBe(due);
  });
});

describe('interviewer quality from private ratings', () => {
  it('starts unrated members in the middle, and moves with what their interviewees say', async () => {
    const { interviewerQualityByMember } = await import('../../../src/domain/feedback/interviewer-rating.ts');
    const quality = interviewerQualityByMember([
      { interviewerId: 'good', questionQuality: 4, feedbackQuality: 4 },
      { interviewerId: 'good', questionQuality: 4, feedbackQuality: 3 },
      { interviewerId: 'poor', questionQuality: 1, feedbackQuality: 1 },
    ]);
    expect(quality.good!).toBeGreaterThan(0.5);
    expect(quality.poor!).toBeLessThan(0.5);
    // One harsh rating does not sink anyone: the prior of three middling ratings softens it.
    expect(quality.poor!).toBeGreaterThan(0.3);
    expect(quality).not.toHaveProperty('unrated');
  });
});
