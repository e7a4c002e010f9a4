import type { SessionTiming } from '../config.ts';
import { type SessionJob, type SessionSchedule, sessionJobs } from '../domain/scheduling/session-jobs.ts';
import { jobCatalogue } from './catalogue.ts';
import type { JobQueues } from './job-queues.ts';

/**
 * Queues a session's follow-ups for its current version (see sessionJobs). Call after the change
 * that produced the version has committed.
 */
export async function scheduleSessionJobs(
  queues: JobQueues,
  session: SessionSchedule,
  timing: SessionTiming,
  now: number,
): Promise<void> {
  for (const job of sessionJobs(session, timing, now)) {
    await queues.enqueue(job.name, job.payload as never, { delayMs: Math.max(0, job.runAt - now) });
  }
}

/**
 * Removes what an earlier version queued. Best effort by design: a job that is already running
 * cannot be removed, and one that slips through sees the new version and does nothing.
 */
export async function unscheduleSessionJobs(
  queues: JobQueues,
  sessionId: string,
  version: number,
  timing: SessionTiming,
): Promise<void> {
  const base = { sessionId, version };
  const candidates: Array<Pick<SessionJob, 'name' | 'payload'>> = [
    { name: 'session-confirm-nudge', payload: base },
    { name: 'session-release', payload: base },
    { name: 'session-check-in', payload: base },
    ...timing.remindersMs.map((beforeStartMs) => ({
      name: 'session-reminder' as const,
      payload: { ...base, beforeStartMs },
    })),
  ];
  for (const { name, payload } of candidates) {
    const jobId = (jobCatalogue[name].jobId as (payload: unknown) => string)(payload);
    await queues.queue(name).remove(jobId);
  }
}
