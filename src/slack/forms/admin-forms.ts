import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { settingsDefaults } from '../../domain/workspace-settings.ts';
import { AppError } from '../../errors.ts';
import { findDailySettings } from '../../store/daily-question.ts';
import type { MemberRef } from '../../store/members.ts';
import { findWorkspaceSettings } from '../../store/workspace-settings.ts';
import { ensureWorkspaceId } from '../../store/workspaces.ts';
import { adminSettingsModal } from '../blocks/admin-settings-modal.ts';
import { dailySettingsModal } from '../blocks/daily-settings-modal.ts';
import { openModal, pushModal } from '../modal-calls.ts';
import { checkOrganizer, NOT_AN_ORGANIZER, type OrganizerCheck } from '../organizers.ts';
import { questionListView, requireQuestionOrganizer } from '../question-admin.ts';

const ADMIN_USAGE =
  '`/mock admin` opens the organizer settings (organizers, matching, sessions and reminders); `/mock admin daily` sets up the daily practice question; `/mock admin questions` manages the workspace’s own questions; `/mock admin export` sends you a CSV of the community’s sessions.';

/**
 * `/mock admin [settings|daily|questions]`: organizer settings, for organizers only. The check runs on every
 * open and again on every submit; a refusal says who can do it instead.
 */
export async function openAdminSettings(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  text: string,
  triggerId: string,
): Promise<null> {
  const area = text.trim().toLowerCase();
  if (area === '' || area === 'settings') return openSettingsModal(deps, client, ref, triggerId);
  if (area === 'daily') return openDailySettingsModal(deps, client, ref, triggerId, 'open');
  if (area === 'questions') return openQuestionAdmin(deps, client, ref, triggerId);
  throw new AppError('unknown-admin-area', `unknown admin area ${area.slice(0, 40)}`, ADMIN_USAGE);
}

/** The organizer settings modal, as stored now (blank where the workspace keeps the default). */
export async function openSettingsModal(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  triggerId: string,
): Promise<null> {
  await requireOrganizer(deps, client, ref);
  const workspaceId = await ensureWorkspaceId(deps.db, ref.slackTeamId);
  const settings = await findWorkspaceSettings(deps.db, workspaceId);
  const defaults = settingsDefaults(deps.config.sessions, deps.config.matching.sweepIntervalMs);
  await openModal(client, triggerId, adminSettingsModal({ settings, defaults }));
  return null;
}

/**
 * The daily question's modal: opened by `/mock admin daily`, or pushed over the settings modal by
 * its "Daily question…" button (a modal can only stack another on itself, not open one).
 */
export async function openDailySettingsModal(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  triggerId: string,
  how: 'open' | 'push',
): Promise<null> {
  const organizer = await requireOrganizer(deps, client, ref);
  const workspaceId = await ensureWorkspaceId(deps.db, ref.slackTeamId);
  const settings = await findDailySettings(deps.db, workspaceId);
  const view = dailySettingsModal({
    settings,
    organizerTimezone: organizer.timezone,
    now: deps.now().getTime(),
  });
  if (how === 'push') await pushModal(client, triggerId, view);
  else await openModal(client, triggerId, view);
  return null;
}

async function requireOrganizer(deps: AppDeps, client: WebClient, ref: MemberRef): Promise<OrganizerCheck> {
  const organizer = await checkOrganizer(deps.config, client, ref.slackUserId, {
    db: deps.db,
    slackTeamId: ref.slackTeamId,
  });
  if (!organizer.allowed) throw new AppError('not-an-organizer', 'admin settings refused', NOT_AN_ORGANIZER);
  return organizer;
}

/** `/mock admin questions`: the workspace's own questions, first page. */
export async function openQuestionAdmin(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  triggerId: string,
): Promise<null> {
  const workspaceId = await requireQuestionOrganizer(deps, client, ref);
  await openModal(client, triggerId, await questionListView(deps, workspaceId, 0));
  return null;
}
