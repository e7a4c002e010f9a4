import { type JobName, type JobPayload, jobDefinition, jobIdFor } from './catalogue.ts';

/** A job to add, as data: what the outbox stores and the relay adds. `runAt` absent: at once. */
export type JobRequest = {
  [Name in JobName]: { name: Name; payload: JobPayload<Name>; runAt?: number };
}[JobName];

/** A follow-up of a change: a job to add, or a stale one (an older session version's) to take out. */
export type OutboxEntry =
  | { action: 'enqueue'; job: JobRequest }
  | { action: 'remove'; jobName: JobName; jobId: string };

/** The row the outbox keeps for an entry: the payload checked against its schema, the id built once. */
export interface OutboxRow {
  action: 'enqueue' | 'remove';
  jobName: JobName;
  jobId: string;
  payload: unknown;
  runAt: Date | null;
}

export function enqueueJob<Name extends JobName>(
  name: Name,
  payload: JobPayload<Name>,
  runAt?: number,
): OutboxEntry {
  return {
    action: 'enqueue',
    job: { name, payload, ...(runAt === undefined ? {} : { runAt }) } as JobRequest,
  };
}

export function removeJob<Name extends JobName>(name: Name, payload: JobPayload<Name>): OutboxEntry {
  return { action: 'remove', jobName: name, jobId: jobIdFor(name, payload) };
}

/** Validates each payload (a bad one fails the change's transaction, not a worker later). */
export function toOutboxRows(entries: readonly OutboxEntry[]): OutboxRow[] {
  return entries.map((entry) => {
    if (entry.action === 'remove') {
      return { action: 'remove', jobName: entry.jobName, jobId: entry.jobId, payload: null, runAt: null };
    }
    const { name, runAt } = entry.job;
    const payload = jobDefinition(name).payload.parse(entry.job.payload);
    return {
      action: 'enqueue',
      jobName: name,
      jobId: jobIdFor(name, payload),
      payload,
      runAt: runAt === undefined ? null : new Date(runAt),
    };
  });
}
