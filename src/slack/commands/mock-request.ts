import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import { completeQuickRequest, parseQuickRequest } from '../../domain/quick-request.ts';
import { defaultDurationFor } from '../../domain/workspace-settings.ts';
import { AppError } from '../../errors.ts';
import type { MemberRef } from '../../store/members.ts';
import { findLatestRequest } from '../../store/partner-requests.ts';
import { findWorkspaceSettings } from '../../store/workspace-settings.ts';
import { placeRequest } from '../../workflows/place-request.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { requestSummaryMessage } from '../blocks/request-summary.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/**
 * `/mock <type> [level] [role] [duration] [when]`: opens (or refines) the member's request and
 * asks the worker to try it against the pool at once. Anything not named comes from the
 * member's last request, then from the defaults (completeQuickRequest).
 */
export async function requestPartner(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  text: string,
): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  const timeZone = member.timezone ?? 'UTC';
  const context = { now: deps.now().getTime(), timeZone, horizonDays: DEFAULT_MATCHING_CONFIG.horizonDays };
  const parsed = parseQuickRequest(text, context);
  if (!parsed.ok) throw new AppError('invalid-quick-request', 'quick request did not parse', parsed.message);

  const [last, settings] = await Promise.all([
    findLatestRequest(deps.db, member.id),
    findWorkspaceSettings(deps.db, member.workspaceId),
  ]);
  const duration = defaultDurationFor(settings);
  const completed = completeQuickRequest(
    parsed.value,
    last,
    member.level,
    context,
    duration,
    member.usualAvailability,
  );
  const placed = await placeRequest(deps, member, { ...completed, note: null });
  return requestSummaryMessage({ ...placed, timezoneKnown: member.timezone !== null });
}
