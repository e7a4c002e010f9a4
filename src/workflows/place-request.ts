import type { AppDeps } from '../app-deps.ts';
import type { CompletedRequest } from '../domain/quick-request.ts';
import { enqueueJob, type OutboxEntry } from '../queue/job-request.ts';
import type { MemberProfile } from '../store/members.ts';
import { saveOpenRequest } from '../store/partner-requests.ts';
import type { Transaction } from '../store/prisma.ts';
import { commitWithFollowUps } from './outbox.ts';
import { placedRequestEntries } from './session-effects.ts';

export interface PlacedRequest extends CompletedRequest {
  id: string;
  note: string | null;
  timezone: string;
  expiresAt: Date;
  /** True when this refined the member's open request rather than opening one. */
  updated: boolean;
}

/**
 * Opens the member's request, or updates their open one (one per member), with its expiry, an
 * instant matching run and a fresh Home tab written to the outbox in the same transaction: a
 * request saved while Redis is away still expires and is still matched once Redis is back.
 * Shared by the quick path, the modal and the no-show rebooking, so all behave the same.
 */
export async function placeRequest(
  deps: Pick<AppDeps, 'db' | 'config' | 'now'>,
  member: Pick<MemberProfile, 'id' | 'workspaceId' | 'timezone'>,
  request: CompletedRequest & { note: string | null },
  /** More writes and follow-ups that belong to the same change (the weekly entry's record and notice). */
  inSameTransaction: (tx: Transaction, saved: { id: string }) => Promise<OutboxEntry[]> = async () => [],
): Promise<PlacedRequest> {
  const now = deps.now();
  const draft = {
    ...request,
    workspaceId: member.workspaceId,
    memberId: member.id,
    timezone: member.timezone ?? 'UTC',
    expiresAt: new Date(now.getTime() + deps.config.matching.requestTtlMs),
  };
  const saved = await commitWithFollowUps(deps.db, async (tx) => {
    const saved = await saveOpenRequest(tx, draft);
    return {
      result: saved,
      followUps: [
        ...placedRequestEntries(member.workspaceId, { requestId: saved.id, expiresAt: draft.expiresAt }),
        enqueueJob('publish-home', { memberId: member.id }),
        ...(await inSameTransaction(tx, saved)),
      ],
    };
  });
  return { ...draft, id: saved.id, updated: saved.updated };
}
