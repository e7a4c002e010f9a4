import type { CompletedRequest } from '../domain/quick-request.ts';
import type { MemberProfile } from '../store/members.ts';
import { saveOpenRequest } from '../store/partner-requests.ts';
import type { RequestSummary } from './blocks/request-summary.ts';
import type { SlackDeps } from './slack-deps.ts';

export interface PlacedRequest extends RequestSummary {
  id: string;
  /** True when this refined the member's open request rather than opening one. */
  updated: boolean;
}

/**
 * Opens the member's request, or updates their open one (one per member), then queues its expiry
 * and an instant match. Shared by the quick path and the modal so both behave the same. The
 * jobs are enqueued after the row is committed, so a job never looks for a row that is not there.
 */
export async function placeRequest(
  deps: SlackDeps,
  member: MemberProfile,
  request: CompletedRequest & { note: string | null },
): Promise<PlacedRequest> {
  const now = deps.now();
  const draft = {
    ...request,
    workspaceId: member.workspaceId,
    memberId: member.id,
    timezone: member.timezone ?? 'UTC',
    expiresAt: new Date(now.getTime() + deps.config.matching.requestTtlMs),
  };
  const saved = await saveOpenRequest(deps.db, draft);
  await deps.queues.enqueue(
    'expire-request',
    { requestId: saved.id, expiresAt: draft.expiresAt.getTime() },
    { delayMs: deps.config.matching.requestTtlMs },
  );
  await deps.queues.enqueue('match-pool', {
    workspaceId: member.workspaceId,
    trigger: 'new-request',
    requestId: saved.id,
  });
  await deps.queues.enqueue('publish-home', { memberId: member.id });
  return { ...draft, id: saved.id, updated: saved.updated };
}
