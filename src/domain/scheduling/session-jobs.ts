import type { SessionTiming } from '../../config.ts';

/**
 * Which follow-up jobs a session should have queued, as plain data: the processors and the
 * enqueue helper act on it, and tests read it without Redis. Every job carries the session's
 * schedule version; a change (confirm, new time, cancel) bumps the version, so a job queued for
 * an older version finds its session changed and does nothing, even if removing it failed.
 */

export type SessionPhase = 'PROPOSED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'RELEASED';

export interface SessionSchedule {
  id: string;
  status: SessionPhase;
  version: number;
  startsAt: number;
  durationMinutes: number;
  /** When the current proposal was made (the intro, or a new time picked). */
  proposedAt: number;
}

export type SessionJob =
  | { name: 'session-confirm-nudge'; payload: { sessionId: string; version: number }; runAt: number }
  | { name: 'session-release'; payload: { sessionId: string; version: number }; runAt: number }
  | {
      name: 'session-reminder';
      payload: { sessionId: string; version: number; beforeStartMs: number };
      runAt: number;
    }
  | { name: 'session-check-in'; payload: { sessionId: string; version: number }; runAt: number };

/** A reminder whose moment passed more than this long ago is not worth sending. */
const REMINDER_GRACE_MS = 60_000;

export function sessionJobs(
  session: SessionSchedule,
  timing: Pick<SessionTiming, 'remindersMs' | 'confirmNudgeMs' | 'releaseMs' | 'checkInAfterEndMs'>,
  now: number,
): SessionJob[] {
  const base = { sessionId: session.id, version: session.version };
  if (session.status === 'PROPOSED') {
    // Released before the start at the latest: a proposal nobody confirmed must not linger.
    const releaseAt = Math.min(session.proposedAt + timing.releaseMs, session.startsAt);
    const nudgeAt = session.proposedAt + timing.confirmNudgeMs;
    return [
      ...(nudgeAt < releaseAt
        ? [{ name: 'session-confirm-nudge' as const, payload: base, runAt: nudgeAt }]
        : []),
      { name: 'session-release', payload: base, runAt: Math.max(releaseAt, now) },
    ];
  }
  if (session.status === 'CONFIRMED') {
    const endsAt = session.startsAt + session.durationMinutes * 60_000;
    const reminders = timing.remindersMs
      .map((beforeStartMs) => ({ beforeStartMs, runAt: session.startsAt - beforeStartMs }))
      .filter(({ runAt }) => runAt >= now - REMINDER_GRACE_MS)
      .map(({ beforeStartMs, runAt }) => ({
        name: 'session-reminder' as const,
        payload: { ...base, beforeStartMs },
        runAt,
      }));
    return [
      ...reminders,
      { name: 'session-check-in', payload: base, runAt: endsAt + timing.checkInAfterEndMs },
    ];
  }
  return [];
}

/**
 * Every follow-up a version could have queued, whatever its state was: what a change takes out
 * of the queues when it moves the session to a new version (best effort; see SessionJob).
 */
export function followUpsOfVersion(
  sessionId: string,
  version: number,
  timing: Pick<SessionTiming, 'remindersMs'>,
): Array<Pick<SessionJob, 'name' | 'payload'>> {
  const base = { sessionId, version };
  return [
    { name: 'session-confirm-nudge', payload: base },
    { name: 'session-release', payload: base },
    { name: 'session-check-in', payload: base },
    ...timing.remindersMs.map((beforeStartMs) => ({
      name: 'session-reminder' as const,
      payload: { ...base, beforeStartMs },
    })),
  ];
}
