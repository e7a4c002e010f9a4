import type { SessionEffect, SessionState } from '../domain/sessions/session-lifecycle.ts';
import { enqueueJob, type JobRequest, type OutboxEntry, removeJob } from '../queue/job-request.ts';
import type { Transaction } from '../store/prisma.ts';
import { reopenRequest } from '../store/session-changes.ts';

/**
 * The effect runner: turns the lifecycle's effects into what they mean, inside the change's
 * transaction. Requests put back in the pool are written here (they are part of the change); every
 * other effect becomes an outbox entry, i.e. a job with a deterministic id, added by the relay.
 */
export async function sessionEffectEntries(
  tx: Transaction,
  session: SessionState & { workspaceId: string },
  effects: readonly SessionEffect[],
  context: { now: Date; requestTtlMs: number },
): Promise<OutboxEntry[]> {
  const sessionId = session.id;
  const entries: OutboxEntry[] = [];
  for (const effect of effects) {
    switch (effect.kind) {
      case 'post-intro':
        entries.push(enqueueJob('post-session-intro', { sessionId }));
        break;
      case 'announce':
        entries.push(
          enqueueJob('session-announce', {
            sessionId,
            version: session.version,
            event: effect.event,
            ...(effect.actorMemberId ? { memberId: effect.actorMemberId } : {}),
          }),
        );
        break;
      case 'follow-up': {
        const { name, payload, runAt } = effect.job;
        entries.push({ action: 'enqueue', job: { name, payload, runAt } as JobRequest });
        break;
      }
      case 'drop-follow-up':
        entries.push(removeJob(effect.job.name, effect.job.payload as never));
        break;
      case 'send-prompts':
        entries.push(enqueueJob('session-prompts', { sessionId }));
        break;
      case 'feedback-nudge':
        entries.push(
          enqueueJob('session-feedback-nudge', { sessionId, version: session.version }, effect.runAt),
        );
        break;
      case 'reopen-request': {
        const reopened = await reopenRequest(tx, effect.requestId, context.now, context.requestTtlMs);
        if (reopened) entries.push(...placedRequestEntries(session.workspaceId, reopened));
        break;
      }
      case 'lapse-check':
        entries.push(enqueueJob('member-lapse-check', { memberId: effect.memberId, sessionId }));
        break;
      case 'publish-home':
        entries.push(enqueueJob('publish-home', { memberId: effect.memberId }));
        break;
    }
  }
  return entries;
}

/** A request (new, refined or put back) gets its expiry and an instant matching run. */
export function placedRequestEntries(
  workspaceId: string,
  request: { requestId: string; expiresAt: Date },
): OutboxEntry[] {
  const expiresAt = request.expiresAt.getTime();
  return [
    enqueueJob('expire-request', { requestId: request.requestId, expiresAt }, expiresAt),
    enqueueJob('match-pool', { workspaceId, trigger: 'new-request', requestId: request.requestId }),
  ];
}
