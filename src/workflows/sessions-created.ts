import type { SessionTiming } from '../config.ts';
import { decideSessionChange } from '../domain/sessions/session-lifecycle.ts';
import type { OutboxEntry } from '../queue/job-request.ts';
import type { Transaction } from '../store/prisma.ts';
import { readSessions } from '../store/session-changes.ts';
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
  // Read in chunks, not one by one: a large sweep creates thousands of sessions in this transaction.
  for (const created of await readSessions(tx, sessionIds)) {
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
