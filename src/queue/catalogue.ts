import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { ANNOUNCED_EVENTS } from '../domain/sessions/session-lifecycle.ts';

/**
 * Every background job: its name (also its queue's name), the zod schema of its payload and a
 * deterministic job id. Ids say what they are so retries and double clicks are harmless and a
 * cancel is a lookup. BullMQ refuses ids containing ':' or that are plain integers.
 */
const slackId = z.string().regex(/^[A-Z0-9]+$/, 'a Slack id');

/**
 * A step in a session's life. `version` is the session's schedule version the job was queued for:
 * a session that has moved on (new time, confirmed, cancelled) makes the job a no-op.
 */
const sessionStep = z.object({ sessionId: z.uuid(), version: z.number().int().nonnegative() });
type SessionStep = z.infer<typeof sessionStep>;

const SESSION_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2_000 },
  // Kept a while after completion: the id then refuses a duplicate enqueue of the same step.
  removeOnComplete: { age: 3 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 10_000 },
};

/**
 * Lock of the jobs whose lateness members notice: a reminder is due at a minute, an intro or a
 * cancellation is news now. BullMQ renews a lock at half its duration while the job runs, so a
 * live worker keeps it however long the job takes, and a killed worker's job is free again within
 * this long (plus one stalled check, start-workers.ts) instead of BullMQ's default 30 s. Short
 * enough that a dead worker costs seconds; long enough that an event loop held up a second or
 * two (a matching run beside it) does not lose the lock. A lock lost anyway means the job runs
 * twice, and the keyed send (src/slack/outbound) then posts once.
 */
const TIME_CRITICAL_LOCK_MS = 5_000;

export const jobCatalogue = {
  'refresh-member-profile': defineJob({
    payload: z.object({ slackTeamId: slackId, slackUserId: slackId }),
    jobId: (payload: { slackTeamId: string; slackUserId: string }) =>
      `member-${payload.slackTeamId}-${payload.slackUserId}-refresh-profile`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      // Removed on completion so the same id can refresh the profile again later.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
  'match-pool': defineJob({
    payload: z.object({
      workspaceId: z.uuid(),
      trigger: z.enum(['new-request', 'sweep']),
      /** For new-request runs: the request that prompted it, so each request enqueues one run. */
      requestId: z.uuid().optional(),
    }),
    jobId: (payload: { workspaceId: string; trigger: string; requestId?: string }) =>
      payload.requestId ? `request-${payload.requestId}-match` : `workspace-${payload.workspaceId}-sweep`,
    // Solves run on the process's two matching threads (src/matching-threads), so two
    // workspaces' pools are solved side by side while two more read or write theirs. Each run
    // holds a database connection in its transaction: four leave the rest of the pool to others.
    // One workspace's runs take turns on its matching lock whatever this says.
    concurrency: 4,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
  'sweep-pools': defineJob({
    payload: z.object({}),
    jobId: () => 'sweep-pools',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  }),
  /** Re-derives from PostgreSQL what must exist in Redis and repairs drift (jobs/reconcile.ts). */
  reconcile: defineJob({
    payload: z.object({}),
    jobId: () => 'reconcile',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  }),
  'expire-request': defineJob({
    delivers: true,
    payload: z.object({ requestId: z.uuid(), expiresAt: z.number().int() }),
    // The expiry instant is part of the id: refining a request moves its expiry, and the job
    // queued for the old instant then finds nothing to do.
    jobId: (payload: { requestId: string; expiresAt: number }) =>
      `request-${payload.requestId}-expire-${payload.expiresAt}`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
  'notify-left-out': defineJob({
    delivers: true,
    payload: z.object({ requestId: z.uuid(), nextSweepAt: z.number().int() }),
    // One note per request: kept after completion so later sweeps cannot send it again.
    jobId: (payload: { requestId: string }) => `request-${payload.requestId}-left-out`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 30 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
  'post-session-intro': defineJob({
    delivers: true,
    payload: z.object({ sessionId: z.uuid() }),
    jobId: (payload: { sessionId: string }) => `session-${payload.sessionId}-intro`,
    lockMs: TIME_CRITICAL_LOCK_MS,
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
  'session-confirm-nudge': defineJob({
    delivers: true,
    payload: sessionStep,
    jobId: (payload: SessionStep) => `session-${payload.sessionId}-v${payload.version}-confirm-nudge`,
    options: SESSION_JOB_OPTIONS,
    lockMs: TIME_CRITICAL_LOCK_MS,
  }),
  'session-release': defineJob({
    payload: sessionStep,
    jobId: (payload: SessionStep) => `session-${payload.sessionId}-v${payload.version}-release`,
    options: SESSION_JOB_OPTIONS,
  }),
  'session-reminder': defineJob({
    delivers: true,
    payload: sessionStep.extend({ beforeStartMs: z.number().int().positive() }),
    jobId: (payload: SessionStep & { beforeStartMs: number }) =>
      `session-${payload.sessionId}-v${payload.version}-reminder-${Math.round(payload.beforeStartMs / 1000)}s`,
    options: SESSION_JOB_OPTIONS,
    lockMs: TIME_CRITICAL_LOCK_MS,
    // A reminder is a few short queries and one chat.postMessage, so a worker slot spends most of
    // its time waiting on Slack. Reminders fall due together (sessions start on the hour and half
    // hour), and at the default 10 slots a worker whose posts take ~200 ms sends at most ~50 a
    // second; 50 slots carry ~250, so one worker nearly holds the load while another restarts. The
    // database pool is not the limit: a job holds a connection per query, never across the Slack
    // call. (npm run bench:reminders -- --rate=150 --slack-latency-ms=200: p99 lateness 16 s at
    // 10 slots, 0.3 s at 50.)
    concurrency: 50,
  }),
  'session-check-in': defineJob({
    payload: sessionStep,
    jobId: (payload: SessionStep) => `session-${payload.sessionId}-v${payload.version}-check-in`,
    options: SESSION_JOB_OPTIONS,
  }),
  'session-announce': defineJob({
    delivers: true,
    payload: sessionStep.extend({ event: z.enum(ANNOUNCED_EVENTS), memberId: z.uuid().optional() }),
    // The version is the one the event produced, so each change is announced once.
    jobId: (payload: SessionStep & { event: string }) =>
      `session-${payload.sessionId}-v${payload.version}-announce-${payload.event}`,
    options: SESSION_JOB_OPTIONS,
    lockMs: TIME_CRITICAL_LOCK_MS,
  }),
  'post-daily-question': defineJob({
    delivers: true,
    payload: z.object({
      workspaceId: z.uuid(),
      /** Set by the start-up catch-up: the local date it found owed. The scheduler's runs leave it out. */
      localDate: z.iso.date().optional(),
    }),
    jobId: (payload: { workspaceId: string; localDate?: string }) =>
      `workspace-${payload.workspaceId}-daily-question-${payload.localDate ?? 'due'}`,
    options: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 2_000 },
      // Kept two days: a second catch-up for the same date is then refused by its id.
      removeOnComplete: { age: 2 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
  'daily-question-catch-up': defineJob({
    payload: z.object({ requestedAt: z.number().int() }),
    jobId: (payload: { requestedAt: number }) => `daily-question-catch-up-${payload.requestedAt}`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      // Kept a day, so a dashboard (or a test) can see that the start-up catch-up ran.
      removeOnComplete: { age: 24 * 3600, count: 100 },
      removeOnFail: { age: 7 * 24 * 3600, count: 100 },
    },
  }),
  'session-feedback-nudge': defineJob({
    delivers: true,
    payload: sessionStep,
    jobId: (payload: SessionStep) => `session-${payload.sessionId}-v${payload.version}-feedback-nudge`,
    options: SESSION_JOB_OPTIONS,
  }),
  'feedback-reveal': defineJob({
    delivers: true,
    payload: z.object({
      sessionId: z.uuid(),
      /** `complete`: both have written theirs; `deadline`: queued at the first submit, for the deadline. */
      reason: z.enum(['complete', 'deadline']),
      /** The app's id (from the submission), for a deep link to the Home tab in the DMs. */
      appId: z
        .string()
        .regex(/^A[A-Z0-9]+$/)
        .optional(),
    }),
    jobId: (payload: { sessionId: string; reason: string }) =>
      `session-${payload.sessionId}-feedback-reveal-${payload.reason}`,
    options: SESSION_JOB_OPTIONS,
  }),
  'feedback-correction': defineJob({
    delivers: true,
    payload: z.object({ feedbackId: z.uuid(), editedAt: z.number().int() }),
    // One redraw per correction; a later correction redraws again with what it says.
    jobId: (payload: { feedbackId: string; editedAt: number }) =>
      `feedback-${payload.feedbackId}-corrected-${payload.editedAt}`,
    options: SESSION_JOB_OPTIONS,
  }),
  'publish-home': defineJob({
    payload: z.object({ memberId: z.uuid() }),
    // Removed on completion so the next change can refresh the tab again; while one waits, more
    // changes are covered by it (the same id is a no-op), since it reads everything when it runs.
    // A change while it is already running can be missed until the next one or the next time
    // the member opens the tab (app_home_opened always publishes afresh).
    jobId: (payload: { memberId: string }) => `home-${payload.memberId}`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: { age: 24 * 3600, count: 1_000 },
    },
  }),
  'session-prompts': defineJob({
    delivers: true,
    payload: z.object({ sessionId: z.uuid() }),
    // Once per session, not per version: a rescheduled session keeps the prompts already handed out.
    jobId: (payload: { sessionId: string }) => `session-${payload.sessionId}-prompts`,
    options: SESSION_JOB_OPTIONS,
  }),
  'session-brief': defineJob({
    delivers: true,
    payload: z.object({ sessionId: z.uuid(), memberId: z.uuid(), revision: z.number().int().positive() }),
    // One delivery per revision: a corrected brief is sent again, a retried one is not.
    jobId: (payload: { sessionId: string; memberId: string; revision: number }) =>
      `session-${payload.sessionId}-brief-${payload.memberId}-r${payload.revision}`,
    options: SESSION_JOB_OPTIONS,
  }),
  'weekly-entries': defineJob({
    payload: z.object({}),
    jobId: () => 'weekly-entries',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  }),
  'weekly-entered': defineJob({
    delivers: true,
    payload: z.object({ memberId: z.uuid(), week: z.string().regex(/^\d{4}-W\d{2}$/) }),
    jobId: (payload: { memberId: string; week: string }) =>
      `member-${payload.memberId}-weekly-${payload.week}`,
    options: SESSION_JOB_OPTIONS,
  }),
  /** `/mock admin export`: the community's sessions as a CSV in the organizer's DM. */
  'organizer-export': defineJob({
    delivers: true,
    payload: z.object({
      workspaceId: z.uuid(),
      slackTeamId: slackId,
      slackUserId: slackId,
      /** The range's UTC bounds: `from` inclusive, `to` exclusive (src/domain/export/export-range.ts). */
      from: z.number().int(),
      to: z.number().int(),
      requestedAt: z.number().int(),
    }),
    // Per organizer, range and minute: the command sent twice in a row exports once.
    jobId: (payload: {
      slackTeamId: string;
      slackUserId: string;
      from: number;
      to: number;
      requestedAt: number;
    }) =>
      `organizer-${payload.slackTeamId}-${payload.slackUserId}-export-${payload.from}-${payload.to}-${Math.floor(payload.requestedAt / 60_000)}`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
  'member-lapse-check': defineJob({
    delivers: true,
    payload: z.object({ memberId: z.uuid(), sessionId: z.uuid() }),
    // One check per member and session that lapsed for them.
    jobId: (payload: { memberId: string; sessionId: string }) =>
      `member-${payload.memberId}-lapse-check-${payload.sessionId}`,
    options: SESSION_JOB_OPTIONS,
  }),
  'welcome-channel-member': defineJob({
    delivers: true,
    payload: z.object({
      slackTeamId: slackId,
      channelId: slackId,
      slackUserId: slackId,
      /** When Slack says they joined (ms): a welcome held up too long is dropped, not sent late. */
      joinedAt: z.number().int(),
    }),
    // One per person and channel, the join time left out on purpose: the id is kept a day after
    // the job ends, so Slack's retries and a leave-and-rejoin within that day welcome once.
    jobId: (payload: { slackTeamId: string; channelId: string; slackUserId: string }) =>
      `team-${payload.slackTeamId}-channel-${payload.channelId}-welcome-${payload.slackUserId}`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 24 * 3600, count: 1_000 },
    },
  }),
  'stats-charts': defineJob({
    delivers: true,
    payload: z.object({ memberId: z.uuid(), requestedAt: z.number().int() }),
    // Per member and minute: `/mock stats` typed twice in a row sends the charts once.
    jobId: (payload: { memberId: string; requestedAt: number }) =>
      `member-${payload.memberId}-stats-charts-${Math.floor(payload.requestedAt / 60_000)}`,
    // Each chart holds a canvas of a few MB and a PNG encode of ~200 ms on libuv's pool: two at a
    // time keep a burst of /mock stats from crowding out the worker's other jobs.
    concurrency: 2,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  }),
};

/**
 * One job type. `delivers`: the job speaks to members through Slack, so its retries follow the
 * delivery policy (hours of backoff, src/queue/delivery-retry.ts) instead of `options`' attempts.
 */
export interface JobDefinition<Payload> {
  payload: z.ZodType<Payload>;
  jobId: (payload: Payload) => string;
  options: JobsOptions;
  /** How many of these jobs one worker process runs at once; startWorkers' default when absent. */
  concurrency?: number;
  delivers?: boolean;
  /**
   * BullMQ's lockDuration for this job when shorter than the workers' default (WORKER_LOCK_SECONDS,
   * 30 s): how soon a killed worker's job is taken over. Long jobs (matching) keep the default.
   */
  lockMs?: number;
}

/** Keeps each entry's payload type and id builder tied together (no `any` in the catalogue). */
function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

export type JobName = keyof typeof jobCatalogue;
export type JobPayload<Name extends JobName> = z.infer<(typeof jobCatalogue)[Name]['payload']>;
export const jobNames = Object.keys(jobCatalogue) as JobName[];

/** The entry of `name`, typed by its payload: the one place the catalogue's union is narrowed. */
export function jobDefinition<Name extends JobName>(name: Name): JobDefinition<JobPayload<Name>> {
  return jobCatalogue[name] as unknown as JobDefinition<JobPayload<Name>>;
}

/** The deterministic id of a job: built here only, from its catalogue entry. */
export function jobIdFor<Name extends JobName>(name: Name, payload: JobPayload<Name>): string {
  return jobDefinition(name).jobId(payload);
}
