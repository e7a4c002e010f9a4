import type { WebClient } from '@slack/web-api';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import { completeQuickRequest, parseQuickRequest } from '../../domain/quick-request.ts';
import { AppError } from '../../errors.ts';
import type { MemberRef } from '../../store/members.ts';
import { findLatestRequest, saveOpenRequest } from '../../store/partner-requests.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { requestSummaryMessage } from '../blocks/request-summary.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { ensureSyncedMember } from './synced-member.ts';

/**
 * `/mock <type> [level] [role] [duration] [when]`: opens (or refines) the member's request and
 * asks the worker to try it against the pool at once. Anything not named comes from the
 * member's last request, then from the defaults (completeQuickRequest).
 */
export async function requestPartner(
  deps: SlackDeps,
  client: WebClient,
  ref: MemberRef,
  text: string,
): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  const now = deps.now();
  const timeZone = member.timezone ?? 'UTC';
  const context = { now: now.getTime(), timeZone, horizonDays: DEFAULT_MATCHING_CONFIG.horizonDays };
  const parsed = parseQuickRequest(text, context);
  if (!parsed.ok) throw new AppError('invalid-quick-request', 'quick request did not parse', parsed.message);

  const last = await findLatestRequest(deps.db, member.id);
  const draft = {
    ...completeQuickRequest(parsed.value, last, member.level, context),
    workspaceId: member.workspaceId,
    memberId: member.id,
    timezone: timeZone,
    note: null,
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
  return requestSummaryMessage({ ...draft, updated: saved.updated, timezoneKnown: member.timezone !== null });
}
