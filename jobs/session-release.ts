import { metrics } from '../src/observability/metrics.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { requeueReopenedRequests } from '../src/queue/requeue-reopened-requests.ts';
import { releaseSession } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

/**
 * Nobody agreed a time before the deadline: release the session, put both back in the pool with
 * priority, and tell the DM (through the announce job, which also disables the old buttons).
 */
export async function releaseUnconfirmedSession(
  payload: JobPayload<'session-release'>,
  context: JobContext,
): Promise<void> {
  const change = await releaseSession(context.db, {
    sessionId: payload.sessionId,
    version: payload.version,
    now: context.now(),
    requestTtlMs: context.config.matching.requestTtlMs,
  });
  if (change.kind !== 'changed') return;
  metrics.sessions.inc({ event: 'released' });
  await context.queues.enqueue('session-announce', {
    sessionId: change.session.id,
    version: change.session.version,
    event: 'cancelled',
  });
  // Whoever never answered let this one lapse; several in a row pause them.
  for (const participant of change.session.participants.filter((p) => !p.confirmedAt)) {
    await context.queues.enqueue('member-lapse-check', {
      memberId: participant.memberId,
      sessionId: change.session.id,
    });
  }
  await requeueReopenedRequests(context.queues, change.session.workspaceId, change.reopened, context.now());
}
