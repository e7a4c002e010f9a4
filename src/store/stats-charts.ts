import { memberTimeZone } from '../domain/availability/time-zone.ts';
import type { CompletedSession } from '../domain/feedback/weekly-activity.ts';
import type { Database } from './prisma.ts';

/** What the `/mock stats` charts read beyond the member's own history (member-history.ts). */

export interface ChartRecipient {
  memberId: string;
  workspaceId: string;
  slackTeamId: string;
  slackUserId: string;
  /** The member's zone as everything else uses it (their choice, else Slack's); null when unknown. */
  timezone: string | null;
}

export async function findChartRecipient(db: Database, memberId: string): Promise<ChartRecipient | null> {
  const row = await db.member.findUnique({
    where: { id: memberId },
    select: {
      workspaceId: true,
      slackUserId: true,
      timezone: true,
      timezoneOverride: true,
      workspace: { select: { slackTeamId: true } },
    },
  });
  if (!row) return null;
  return {
    memberId,
    workspaceId: row.workspaceId,
    slackTeamId: row.workspace.slackTeamId,
    slackUserId: row.slackUserId,
    timezone: memberTimeZone(row.timezoneOverride, row.timezone),
  };
}

/**
 * The workspace's completed sessions that started in [since, until], each with whether someone
 * was reported absent. Start times and a flag only: nothing that names a member.
 */
export async function completedSessionsBetween(
  db: Database,
  workspaceId: string,
  since: Date,
  until: Date,
): Promise<CompletedSession[]> {
  const rows = await db.session.findMany({
    where: { workspaceId, status: 'COMPLETED', startsAt: { gte: since, lte: until } },
    select: {
      startsAt: true,
      participants: { where: { noShow: true }, select: { memberId: true }, take: 1 },
    },
  });
  return rows.map((row) => ({ startsAt: row.startsAt.getTime(), noShow: row.participants.length > 0 }));
}
