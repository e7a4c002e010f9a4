import { z } from 'zod';

/**
 * The rules around one session's feedback: who may write it and until when, and when it is shown
 * to its recipient. Pure: the clock and the session come in as values.
 */

/** Overall hire signal, weakest first: an even scale, as for the rubric scores. */
export const HIRE_SIGNALS = ['STRONG_NO', 'NO', 'YES', 'STRONG_YES'] as const;
export type HireSignal = (typeof HIRE_SIGNALS)[number];

/** A rubric score, 1 (weak) to 4 (strong). */
export const scoreSchema = z.number().int().min(1).max(4);

/** Rubric dimension id → score, as stored (Feedback.ratings and Feedback.selfRatings). */
export const ratingsSchema = z.record(z.string(), scoreSchema);
export type Ratings = z.infer<typeof ratingsSchema>;

/** A member may change their feedback for this long after first sending it (until it is revealed). */
export const FEEDBACK_EDIT_WINDOW_MS = 24 * 3600 * 1000;

/**
 * After the reveal, the author may still correct what they wrote for this long (a typo, a wrong
 * score clicked), and the recipient's copy then says "edited". Short, and visible, so it cannot
 * become a way to soften feedback after reading the partner's.
 */
export const FEEDBACK_CORRECTION_WINDOW_MS = 30 * 60 * 1000;

/**
 * Feedback is revealed when both have written theirs, or this long after the session ended,
 * whichever comes first; after the deadline the form is closed. Three days leave room for the
 * nudge a day after the session and a weekend.
 */
export const FEEDBACK_DEADLINE_MS = 3 * 24 * 3600 * 1000;

export interface FeedbackSessionFacts {
  status: 'PROPOSED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'RELEASED';
  startsAt: number;
  durationMinutes: number;
  /** When the session was marked completed; null for sessions that never were. */
  endedAt: number | null;
  /** A no-show was reported for either participant. */
  noShow: boolean;
}

/** The instant the feedback of a session is revealed at the latest, and the form closes. */
export function feedbackDeadline(session: FeedbackSessionFacts): number {
  const plannedEnd = session.startsAt + session.durationMinutes * 60_000;
  return (session.endedAt ?? plannedEnd) + FEEDBACK_DEADLINE_MS;
}

export interface FeedbackSubmission {
  submittedAt: number;
  revealedAt: number | null;
}

export type FeedbackAccess =
  | { kind: 'new'; deadline: number }
  /** `afterReveal`: a correction of feedback the partner has already been shown. */
  | { kind: 'edit'; deadline: number; editableUntil: number; afterReveal: boolean }
  | {
      kind: 'closed';
      reason: 'not-finished' | 'no-show' | 'past-deadline' | 'revealed' | 'edit-window-over';
    };

/**
 * May the member open the form for this session now, and is it a first submission or an edit?
 * Once the partner has been shown it (revealed), only a short, visible correction window remains:
 * changing feedback after reading the other side's is the softening the reveal rule exists to
 * prevent, so the correction is marked "edited" for the recipient.
 */
export function feedbackAccess(
  session: FeedbackSessionFacts,
  existing: FeedbackSubmission | null,
  now: number,
): FeedbackAccess {
  if (session.status !== 'COMPLETED') return { kind: 'closed', reason: 'not-finished' };
  if (session.noShow) return { kind: 'closed', reason: 'no-show' };
  const deadline = feedbackDeadline(session);
  if (existing) {
    if (existing.revealedAt !== null) {
      const correctableUntil = existing.revealedAt + FEEDBACK_CORRECTION_WINDOW_MS;
      if (now >= correctableUntil) return { kind: 'closed', reason: 'revealed' };
      return { kind: 'edit', deadline, editableUntil: correctableUntil, afterReveal: true };
    }
    const editableUntil = Math.min(existing.submittedAt + FEEDBACK_EDIT_WINDOW_MS, deadline);
    if (now >= editableUntil) {
      return { kind: 'closed', reason: now >= deadline ? 'past-deadline' : 'edit-window-over' };
    }
    return { kind: 'edit', deadline, editableUntil, afterReveal: false };
  }
  if (now >= deadline) return { kind: 'closed', reason: 'past-deadline' };
  return { kind: 'new', deadline };
}

/**
 * Whether the session's feedback is shown to its recipients now: when every participant has
 * written theirs, or once the deadline has passed (then whatever exists is shown).
 */
export function revealIsDue(
  facts: { participants: number; submitted: number; deadline: number },
  now: number,
): boolean {
  if (facts.submitted === 0) return false;
  return facts.submitted >= facts.participants || now >= facts.deadline;
}
