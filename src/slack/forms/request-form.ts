import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { offeredWindows } from '../../domain/availability/offered-windows.ts';
import { requestPrefill } from '../../domain/request-prefill.ts';
import { defaultDurationFor } from '../../domain/workspace-settings.ts';
import type { MemberRef } from '../../store/members.ts';
import { findLatestRequest } from '../../store/partner-requests.ts';
import { findWorkspaceSettings } from '../../store/workspace-settings.ts';
import { requestModal } from '../blocks/request-modal.ts';
import { openModal } from '../modal-calls.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/**
 * Bare `/mock`: the "Find a practice partner" modal, prefilled from the member's last request and
 * profile. Slack's trigger id lives for three seconds, so this reads only what the form needs.
 */
export async function openRequestForm(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  triggerId: string,
  overrides: Parameters<typeof requestPrefill>[2] = {},
): Promise<null> {
  const member = await ensureSyncedMember(deps, client, ref);
  const timezone = member.timezone ?? 'UTC';
  const [last, settings] = await Promise.all([
    findLatestRequest(deps.db, member.id),
    findWorkspaceSettings(deps.db, member.workspaceId),
  ]);
  const view = requestModal({
    timezone,
    timezoneKnown: member.timezone !== null,
    offered: offeredWindows(timezone, deps.now().getTime()),
    prefill: requestPrefill(
      last,
      member.level,
      overrides,
      defaultDurationFor(settings),
      member.usualAvailability,
    ),
  });
  await openModal(client, triggerId, view);
  return null;
}
