import type { JobPayload } from '../src/queue/catalogue.ts';
import { workspacesWithOpenRequests } from '../src/store/partner-requests.ts';
import type { JobContext } from './job-context.ts';

/** The periodic sweep: one matching run per workspace with open requests. */
export async function sweepPools(_payload: JobPayload<'sweep-pools'>, context: JobContext): Promise<void> {
  for (const workspaceId of await workspacesWithOpenRequests(context.db, context.now())) {
    await context.queues.enqueue('match-pool', { workspaceId, trigger: 'sweep' });
  }
}
