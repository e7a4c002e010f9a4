import type { SessionTiming } from '../config.ts';
import { decideSessionChange } from '../domain/sessions/session-lifecycle.ts';
import type { OutboxEntry } from '../queue/job-request.ts';
import type { Transaction } from '../store/prisma.ts';
import { readSession } from '../store/session-changes.ts';
import { sessionEffectEntries } from './session-effects.ts';

/**
 * The follow-ups of sessions a matching run has just written, in its transaction: the lifecycle's
 * `created` event for each (intro, first version's jobs, prompts for a pair free now, Home tabs).
 */
export async function sessionsCreatedEntries(
  tx: Transaction,
  sessionIds: readonly string[],
  context: { now: Date; timing: SessionTiming; requestTtlMs: number },
): Promise<OutboxEntry[]> {
  const entries: OutboxEntry[] = [];
  for (const sessionId of sessionIds) {
    const created = await readSession(tx, sessionId);
    if (!created) continue;
    const decision = decideSessionChange(
      created.state,
      { kind: 'created' },
      context.now.getTime(),
      context.timing,
    );
    if (decision.kind === 'refused') continue;
    entries.push(
      ...(await sessionEffectEntries(
        tx,
        { ...decision.session, workspaceId: created.workspaceId },
        decision.effects,
        context,
      )),
    );
  }
  return entries;
}
