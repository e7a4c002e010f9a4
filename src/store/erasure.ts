import type { Database } from './prisma.ts';

/**
 * Deleting is the only way data leaves: uninstall, revoked tokens and `/mock forget-me`. The
 * schema cascades from Workspace and Member, so one delete removes everything below them; the
 * keyed-send records (SentMessage) have no foreign key and are removed by their key prefixes.
 */

/** Sessions of the member that are still ahead (proposed or confirmed). */
export async function liveSessionIds(db: Database, memberId: string): Promise<string[]> {
  const sessions = await db.session.findMany({
    where: { status: { in: ['PROPOSED', 'CONFIRMED'] }, participants: { some: { memberId } } },
    select: { id: true },
  });
  return sessions.map((session) => session.id);
}

/**
 * Removes the member and all they own: profile, requests, participations, feedback, blocks,
 * prompts; and their Slack id where organizers' settings name them (organizer list, last editor).
 */
export async function eraseMember(db: Database, memberId: string): Promise<void> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: { workspaceId: true, slackUserId: true },
  });
  if (!member) return;
  await db.$transaction(async (tx) => {
    const settings = await tx.workspaceSettings.findUnique({ where: { workspaceId: member.workspaceId } });
    if (settings) {
      await tx.workspaceSettings.update({
        where: { workspaceId: member.workspaceId },
        data: {
          organizerSlackIds: settings.organizerSlackIds.filter((id) => id !== member.slackUserId),
          ...(settings.updatedBySlackUserId === member.slackUserId ? { updatedBySlackUserId: null } : {}),
        },
      });
    }
    await tx.member.deleteMany({ where: { id: memberId } });
  });
}

export async function findMemberId(
  db: Database,
  slackTeamId: string,
  slackUserId: string,
): Promise<string | null> {
  const member = await db.member.findFirst({
    where: { slackUserId, workspace: { slackTeamId } },
    select: { id: true },
  });
  return member?.id ?? null;
}

const KEY_BATCH = 500;

/** Removes the workspace and everything in it; null when it was not known. */
export async function eraseWorkspace(
  db: Database,
  slackTeamId: string,
): Promise<{ workspaceId: string } | null> {
  const workspace = await db.workspace.findUnique({ where: { slackTeamId }, select: { id: true } });
  if (!workspace) {
    await db.installation.deleteMany({ where: { installKey: slackTeamId } });
    return null;
  }
  const [sessions, requests] = await Promise.all([
    db.session.findMany({ where: { workspaceId: workspace.id }, select: { id: true } }),
    db.partnerRequest.findMany({ where: { workspaceId: workspace.id }, select: { id: true } }),
  ]);
  const prefixes = [...sessions.map((s) => `session-${s.id}-`), ...requests.map((r) => `request-${r.id}-`)];
  for (let start = 0; start < prefixes.length; start += KEY_BATCH) {
    const batch = prefixes.slice(start, start + KEY_BATCH);
    await db.sentMessage.deleteMany({
      where: { OR: batch.map((prefix) => ({ key: { startsWith: prefix } })) },
    });
  }
  await db.workspace.deleteMany({ where: { id: workspace.id } });
  // The install's sealed tokens go too (multi-workspace mode); an org-wide install stays.
  await db.installation.deleteMany({ where: { installKey: slackTeamId } });
  return { workspaceId: workspace.id };
}
