import type { WebClient } from '@slack/web-api';
import { AppError } from '../../errors.ts';
import { ensureWorkspaceId, findDailySettings } from '../../store/daily-question.ts';
import type { MemberRef } from '../../store/members.ts';
import { dailySettingsModal } from '../blocks/daily-settings-modal.ts';
import { openModal } from '../open-modal.ts';
import { checkOrganizer, NOT_AN_ORGANIZER } from '../organizers.ts';
import type { SlackDeps } from '../slack-deps.ts';

const ADMIN_USAGE = '`/mock admin daily` sets up the daily practice question for this workspace.';

/**
 * `/mock admin daily`: the daily-question settings, for organizers only. The check runs here and
 * again on submit; a refusal says who can do it instead.
 */
export async function openAdminSettings(
  deps: SlackDeps,
  client: WebClient,
  ref: MemberRef,
  text: string,
  triggerId: string,
): Promise<null> {
  const area = text.trim().toLowerCase();
  if (area !== 'daily' && area !== '') {
    throw new AppError('unknown-admin-area', `unknown admin area ${area.slice(0, 40)}`, ADMIN_USAGE);
  }
  const organizer = await checkOrganizer(deps.config, client, ref.slackUserId);
  if (!organizer.allowed) throw new AppError('not-an-organizer', 'admin settings refused', NOT_AN_ORGANIZER);
  const workspaceId = await ensureWorkspaceId(deps.db, ref.slackTeamId);
  const settings = await findDailySettings(deps.db, workspaceId);
  const view = dailySettingsModal({
    settings,
    organizerTimezone: organizer.timezone,
    now: deps.now().getTime(),
  });
  await openModal(client, triggerId, view);
  return null;
}
