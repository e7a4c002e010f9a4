import type { DurationMinutes } from '../domain/matching/types.ts';
import { NO_WORKSPACE_SETTINGS, type WorkspaceSettings } from '../domain/workspace-settings.ts';
import type { WorkspaceSettings as WorkspaceSettingsRow } from '../generated/prisma/client.ts';
import type { Database, DbClient } from './prisma.ts';

/**
 * A workspace's organizer settings: one row, written only from the checked form. A workspace
 * without a row has every default, so readers never need to tell "no row" from "nothing set".
 */

export async function findWorkspaceSettings(db: DbClient, workspaceId: string): Promise<WorkspaceSettings> {
  const row = await db.workspaceSettings.findUnique({ where: { workspaceId } });
  return row ? toSettings(row) : NO_WORKSPACE_SETTINGS;
}

/** The members organizers have named in a workspace, by its Slack team id; none for an unknown team. */
export async function listedOrganizers(db: Database, slackTeamId: string): Promise<string[]> {
  const row = await db.workspaceSettings.findFirst({
    where: { workspace: { slackTeamId } },
    select: { organizerSlackIds: true },
  });
  return row?.organizerSlackIds ?? [];
}

export async function saveWorkspaceSettings(
  db: Database,
  workspaceId: string,
  settings: WorkspaceSettings,
  change: { slackUserId: string },
): Promise<WorkspaceSettings> {
  const data = {
    organizerSlackIds: [...settings.organizerSlackIds],
    maxLevelDistance: settings.maxLevelDistance,
    cooldownDays: settings.cooldownDays,
    sweepIntervalMinutes: settings.sweepIntervalMinutes,
    horizonDays: settings.horizonDays,
    defaultDurationMinutes: settings.defaultDurationMinutes,
    reminderOffsetsMinutes: [...settings.reminderOffsetsMinutes],
    confirmNudgeHours: settings.confirmNudgeHours,
    releaseHours: settings.releaseHours,
    welcomeNewMembers: settings.welcomeNewMembers,
    updatedBySlackUserId: change.slackUserId,
  };
  const row = await db.workspaceSettings.upsert({
    where: { workspaceId },
    create: { workspaceId, ...data },
    update: data,
  });
  return toSettings(row);
}

export interface SweepState {
  /** The workspace's own interval; null: the configured default. */
  sweepIntervalMinutes: number | null;
  /** When its last sweep ran, within the window asked about; null: none. */
  lastSweepAt: Date | null;
}

/**
 * What the sweep scheduler needs to decide which pools are due: each workspace's interval and its
 * last sweep run. Only runs inside `window` are read, so the match log's length does not matter.
 */
export async function sweepStates(
  db: Database,
  workspaceIds: string[],
  window: { now: Date; longestIntervalMs: number },
): Promise<Map<string, SweepState>> {
  if (workspaceIds.length === 0) return new Map();
  const since = new Date(window.now.getTime() - window.longestIntervalMs);
  const [settings, runs] = await Promise.all([
    db.workspaceSettings.findMany({
      where: { workspaceId: { in: workspaceIds } },
      select: { workspaceId: true, sweepIntervalMinutes: true },
    }),
    db.matchRun.groupBy({
      by: ['workspaceId'],
      where: { workspaceId: { in: workspaceIds }, trigger: 'sweep', createdAt: { gte: since } },
      _max: { createdAt: true },
    }),
  ]);
  const intervals = new Map(settings.map((row) => [row.workspaceId, row.sweepIntervalMinutes]));
  const lastRuns = new Map(runs.map((row) => [row.workspaceId, row._max.createdAt]));
  return new Map(
    workspaceIds.map((id) => [
      id,
      { sweepIntervalMinutes: intervals.get(id) ?? null, lastSweepAt: lastRuns.get(id) ?? null },
    ]),
  );
}

function toSettings(row: WorkspaceSettingsRow): WorkspaceSettings {
  return {
    organizerSlackIds: row.organizerSlackIds,
    maxLevelDistance: row.maxLevelDistance,
    cooldownDays: row.cooldownDays,
    sweepIntervalMinutes: row.sweepIntervalMinutes,
    horizonDays: row.horizonDays,
    // Written only from the checked form.
    defaultDurationMinutes: row.defaultDurationMinutes as DurationMinutes | null,
    reminderOffsetsMinutes: row.reminderOffsetsMinutes,
    confirmNudgeHours: row.confirmNudgeHours,
    releaseHours: row.releaseHours,
    welcomeNewMembers: row.welcomeNewMembers,
  };
}
