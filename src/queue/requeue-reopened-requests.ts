import type { ReopenedRequest } from '../store/sessions.ts';
import type { JobQueues } from './job-queues.ts';

/** Requests put back in the pool get their expiry queued and a matching run straight away. */
export async function requeueReopenedRequests(
  queues: JobQueues,
  workspaceId: string,
  reopened: readonly ReopenedRequest[],
  now: Date,
): Promise<void> {
  for (const request of reopened) {
    const expiresAt = request.expiresAt.getTime();
    await queues.enqueue(
      'expire-request',
      { requestId: request.requestId, expiresAt },
      { delayMs: Math.max(0, expiresAt - now.getTime()) },
    );
    await queues.enqueue('match-pool', { workspaceId, trigger: 'new-request', requestId: request.requestId });
  }
}
