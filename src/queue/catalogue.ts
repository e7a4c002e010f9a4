import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/**
 * Every background job: its name (also its queue's name), the zod schema of its payload and a
 * deterministic job id. Ids say what they are so retries and double clicks are harmless and a
 * cancel is a lookup. BullMQ refuses ids containing ':' or that are plain integers.
 */
const slackId = z.string().regex(/^[A-Z0-9]+$/, 'a Slack id');

export const jobCatalogue = {
  'refresh-member-profile': {
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
  },
  'match-pool': {
    payload: z.object({
      workspaceId: z.uuid(),
      trigger: z.enum(['new-request', 'sweep']),
      /** For new-request runs: the request that prompted it, so each request enqueues one run. */
      requestId: z.uuid().optional(),
    }),
    jobId: (payload: { workspaceId: string; trigger: string; requestId?: string }) =>
      payload.requestId ? `request-${payload.requestId}-match` : `workspace-${payload.workspaceId}-sweep`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  },
  'sweep-pools': {
    payload: z.object({}),
    jobId: () => 'sweep-pools',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  },
  'expire-request': {
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
  },
  'notify-left-out': {
    payload: z.object({ requestId: z.uuid(), nextSweepAt: z.number().int() }),
    // One note per request: kept after completion so later sweeps cannot send it again.
    jobId: (payload: { requestId: string }) => `request-${payload.requestId}-left-out`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 30 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  },
  'post-session-intro': {
    payload: z.object({ sessionId: z.uuid() }),
    jobId: (payload: { sessionId: string }) => `session-${payload.sessionId}-intro`,
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  },
} satisfies Record<string, JobDefinition>;

interface JobDefinition {
  // biome-ignore lint/suspicious/noExplicitAny: each entry narrows its own payload type.
  payload: z.ZodType<any>;
  // biome-ignore lint/suspicious/noExplicitAny: each entry narrows its own payload type.
  jobId: (payload: any) => string;
  options: JobsOptions;
}

export type JobName = keyof typeof jobCatalogue;
export type JobPayload<Name extends JobName> = z.infer<(typeof jobCatalogue)[Name]['payload']>;
export const jobNames = Object.keys(jobCatalogue) as JobName[];
