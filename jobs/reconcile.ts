import type { JobPayload } from '../src/queue/catalogue.ts';
import { reconcile } from '../src/workflows/reconcile.ts';
import type { JobContext } from './job-context.ts';

/** Every few minutes (a job scheduler): repairs drift between PostgreSQL and Redis. */
export async function reconcileJob(_payload: JobPayload<'reconcile'>, context: JobContext): Promise<void> {
  await reconcile(context);
}
