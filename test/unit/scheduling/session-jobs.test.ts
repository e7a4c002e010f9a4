import { describe, expect, it } from 'vitest';
import type { SessionTiming } from '../../../src/config.ts';
import { type SessionSchedule, sessionJobs } from '../../../src/domain/scheduling/session-jobs.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const timing: SessionTiming = {
  nowLeadMs: 5 * MINUTE,
  remindersMs: [24 * HOUR, 15 * MINUTE],
  confirmNudgeMs: 8 * HOUR,
  releaseMs: 24 * HOUR,
  checkInAfterEndMs: 0,
  feedbackNudgeMs: 24 * HOUR,
  lateCancelMs: 2 * HOUR,
};
const now = Date.UTC(2026, 10, 23, 9);
const session: SessionSchedule = {
  id: 's1',
  status: 'PROPOSED',
  version: 3,
  startsAt: now + 3 * 24 * HOUR,
  durationMinutes: 45,
  proposedAt: now,
};

describe('sessionJobs', () => {
  it('a proposal is nudged, then released, both for its version', () => {
    expect(sessionJobs(session, timing, now)).toEqual([
      { name: 'session-confirm-nudge', payload: { sessionId: 's1', version: 3 }, runAt: now + 8 * HOUR },
      { name: 'session-release', payload: { sessionId: 's1', version: 3 }, runAt: now + 24 * HOUR },
    ]);
  });

  it('a proposal starting soon is released at its start at the latest, and not nudged after that', () => {
    const soon = { ...session, startsAt: now + 4 * HOUR };
    expect(sessionJobs(soon, timing, now)).toEqual([
      { name: 'session-release', payload: { sessionId: 's1', version: 3 }, runAt: now + 4 * HOUR },
    ]);
  });

  it('a confirmed session gets its reminders and the check-in at the end', () => {
    const confirmed = { ...session, status: 'CONFIRMED' as const };
    expect(sessionJobs(confirmed, timing, now)).toEqual([
      {
        name: 'session-reminder',
        payload: { sessionId: 's1', version: 3, beforeStartMs: 24 * HOUR },
        runAt: confirmed.startsAt - 24 * HOUR,
      },
      {
        name: 'session-reminder',
        payload: { sessionId: 's1', version: 3, beforeStartMs: 15 * MINUTE },
        runAt: confirmed.startsAt - 15 * MINUTE,
      },
      {
        name: 'session-check-in',
        payload: { sessionId: 's1', version: 3 },
        runAt: confirmed.startsAt + 45 * MINUTE,
      },
    ]);
  });

  it('reminders whose moment has passed are dropped (a session confirmed an hour before it starts)', () => {
    const late = { ...session, status: 'CONFIRMED' as const, startsAt: now + HOUR };
    const names = sessionJobs(late, timing, now).map(
      (job) => `${job.name}:${'beforeStartMs' in job.payload ? job.payload.beforeStartMs : ''}`,
    );
    expect(names).toEqual([`session-reminder:${15 * MINUTE}`, 'session-check-in:']);
  });

  it.each(['CANCELLED', 'RELEASED', 'COMPLETED'] as const)('a %s session has nothing queued', (status) => {
    expect(sessionJobs({ ...session, status }, timing, now)).toEqual([]);
  });
});
