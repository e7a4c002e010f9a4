/**
 * Members who let several sessions in a row lapse are paused rather than matched again and again
 * with partners who then wait for nothing. A session lapses for a member who never confirmed a
 * proposal that was then released, or who was reported absent. Any session they did turn up to
 * (or confirmed) breaks the run.
 */

export type SessionOutcome = 'kept' | 'lapsed';

/** How many lapses in a row pause a member. */
export const LAPSES_BEFORE_PAUSE = 3;

/** `outcomes` newest first. */
export function shouldAutoPause(outcomes: readonly SessionOutcome[], limit = LAPSES_BEFORE_PAUSE): boolean {
  if (outcomes.length < limit) return false;
  return outcomes.slice(0, limit).every((outcome) => outcome === 'lapsed');
}
