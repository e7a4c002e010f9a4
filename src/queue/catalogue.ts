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
