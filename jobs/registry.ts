import type { ProcessorRegistry } from '../src/queue/start-workers.ts';
import { expireRequestJob } from './expire-request.ts';
import type { JobContext } from './job-context.ts';
import { matchPoolJob } from './match-pool.ts';
import { notifyLeftOut } from './notify-left-out.ts';
import { postSessionIntro } from './post-session-intro.ts';
import { refreshMemberProfile } from './refresh-member-profile.ts';
import { sweepPools } from './sweep-pools.ts';

/** Queue name → processor. The type demands exactly one processor per catalogued job. */
export const processors: ProcessorRegistry<JobContext> = {
  'refresh-member-profile': refreshMemberProfile,
  'match-pool': matchPoolJob,
  'post-session-intro': postSessionIntro,
  'sweep-pools': sweepPools,
  'expire-request': expireRequestJob,
  'notify-left-out': notifyLeftOut,
};
