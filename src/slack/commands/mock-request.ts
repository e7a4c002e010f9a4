import type { WebClient } from '@slack/web-api';
import type { Availability } from '../../domain/availability/availability-schema.ts';
import { parseAvailabilityText } from '../../domain/availability/parse-availability-text.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import { LEVELS, type Level } from '../../domain/matching/types.ts';
import { parseQuickRequest } from '../../domain/quick-request.ts';
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
 * member's last request, then from sensible defaults.
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
  const availability =
    parsed.value.availability ?? reusableAvailability(last?.availability) ?? freshNow(context);
  const draft = {
    workspaceId: member.workspaceId,
    memberId: member.id,
    interviewTypes: parsed.value.interviewTypes,
    level: parsed.value.level ?? last?.level ?? profileLevel(member.level) ?? 'PM',
    role: parsed.value.role ?? last?.role ?? 'BOTH',
    durationMinutes: parsed.value.durationMinutes ?? last?.durationMinutes ?? 45,
    availability,
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

/** A past "now" has gone stale; weekly windows and dated slots still mean what they meant. */
function reusableAvailability(availability: Availability | undefined): Availability | undefined {
  if (!availability || availability.weekly.length + availability.slots.length === 0) return undefined;
  return { weekly: availability.weekly, slots: availability.slots };
}

function freshNow(context: { now: number; timeZone: string; horizonDays: number }): Availability {
  const now = parseAvailabilityText('now', context);
  if (!now.ok) throw new Error(`"now" must always parse: ${now.message}`);
  return now.value;
}

function profileLevel(level: string | null): Level | undefined {
  return LEVELS.find((candidate) => candidate === level);
}
