import { withoutFieldsNaming, withoutMember } from '../domain/erase-from-record.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Database, Transaction } from './prisma.ts';

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
 * prompts; and every other trace of them: their Slack id where organizers' settings name them
 * (organizer list, last editor of the settings and of the daily question), their id as the
 * canceller of past sessions, their part of matching runs' inputs, and the delivery records of
 * messages sent to them (keys naming them, their requests or their feedback; their DM channel).
 */
export async function eraseMember(db: Database, memberId: string): Promise<void> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: { workspaceId: true, slackUserId: true },
  });
  if (!member) return;
  await db.$transaction(async (tx) => {
    await eraseTraces(tx, { memberId, ...member });
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

async function eraseTraces(
  tx: Transaction,
  member: { memberId: string; workspaceId: string; slackUserId: string },
): Promise<void> {
  const { memberId, workspaceId, slackUserId } = member;
  // The column is required; an empty value means "nobody to tell" (the job's DM then fails quietly).
  await tx.dailyQuestionSettings.updateMany({
    where: { workspaceId, updatedBySlackUserId: slackUserId },
    data: { updatedBySlackUserId: '' },
  });
  await tx.session.updateMany({ where: { cancelledById: memberId }, data: { cancelledById: null } });

  const runs = await tx.$queryRaw<Array<{ id: string; input: unknown }>>`
    SELECT id, input FROM "MatchRun"
    WHERE "workspaceId" = ${workspaceId}::uuid AND input::text LIKE ${`%${memberId}%`}`;
  for (const run of runs) {
    await tx.matchRun.update({
      where: { id: run.id },
      data: { input: withoutMember(run.input, memberId) as Prisma.InputJsonValue },
    });
  }

  // Follow-ups for the member alone (their Home, weekly entry, lapse check, profile refresh) carry
  // their ids in the job id; pending ones have nobody to serve now, relayed ones are only records.
  await tx.outboxEntry.deleteMany({
    where: { OR: [{ jobId: { contains: memberId } }, { jobId: { contains: slackUserId } }] },
  });
  // Session follow-ups may name them as who acted (a cancel): relayed rows are only records and go;
  // pending ones must still tell the partner, so only that field leaves them.
  const naming = await tx.$queryRaw<Array<{ id: bigint; payload: unknown; relayedAt: Date | null }>>`
    SELECT id, payload, "relayedAt" FROM "OutboxEntry" WHERE payload::text LIKE ${`%${memberId}%`}`;
  for (const row of naming) {
    if (row.relayedAt) await tx.outboxEntry.delete({ where: { id: row.id } });
    else
      await tx.outboxEntry.update({
        where: { id: row.id },
        data: { payload: withoutFieldsNaming(row.payload, memberId) as Prisma.InputJsonValue },
      });
  }

  const [requests, feedback] = await Promise.all([
    tx.partnerRequest.findMany({ where: { memberId }, select: { id: true } }),
    tx.feedback.findMany({
      where: { OR: [{ authorId: memberId }, { recipientId: memberId }] },
      select: { id: true },
    }),
  ]);
  const keyed: Prisma.SentMessageWhereInput[] = [
    { key: { contains: memberId } },
    { key: { contains: slackUserId } },
    ...requests.map((request) => ({ key: { startsWith: `request-${request.id}-` } })),
    ...feedback.map((each) => ({ key: { startsWith: `feedback-${each.id}-` } })),
  ];
  const sent = await tx.sentMessage.findMany({ where: { OR: keyed }, select: { channelId: true } });
  // Their one-to-one DM (a D… channel, or their user id as the channel): every record of it goes.
  // Group DMs are shared with partners and stay.
  const dmChannels = [...new Set(sent.map((row) => row.channelId))].filter((id) => /^D/.test(id));
  await tx.sentMessage.deleteMany({
    where: { OR: [...keyed, { channelId: { in: [slackUserId, ...dmChannels] } }] },
  });
}

/** Every session the member was ever in (for erasing what names them in those sessions' jobs). */
export async function memberSessionIds(db: Database, memberId: string): Promise<string[]> {
  const rows = await db.sessionParticipant.findMany({ where: { memberId }, select: { sessionId: true } });
  return rows.map((row) => row.sessionId);
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
