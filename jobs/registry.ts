import type { ProcessorRegistry } from '../src/queue/start-workers.ts';
import type { JobContext } from './job-context.ts';
import { refreshMemberProfile } from './refresh-member-profile.ts';

/** Queue name → processor. The type demands exactly one processor per catalogued job. */
export const processors: ProcessorRegistry<JobContext> = {
  'refresh-member-profile': refreshMemberProfile,
};
