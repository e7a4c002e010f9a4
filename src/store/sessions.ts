import type { SessionSchedule } from '../domain/scheduling/session-jobs.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Database, DbClient } from './prisma.ts';

export interface SessionParticipantRecord {
  memberId: string;
  slackUserId: string;
  requestId: string;
  interviewsFirst: boolean;
  confirmedAt: Date | null;
  noShow: boolean;
  meetingLink: string | null;
  /** From the member's request: what they were willing to do, and the level they prepare for. */
  role: 'INTERVIEWER' | 'INTERVIEWEE' | 'BOTH';
  level: string;
  /** "Note for your partner" from the member's request, as they typed it (escape before showing). */
  note: string | null;
}

export interface SessionRecord extends SessionSchedule {
  workspaceId: string;
  interviewType: string;
  proposedSlots: number[];
  reason: string;
  channelId: string | null;
  introTs: string | null;
  cancelledById: string | null;
  participants: SessionParticipantRecord[];
}

export const withParticipants = {
  participants: {
    include: {
      member: { select: { slackUserId: true, meetingLink: true } },
      request: { select: { role: true, level: true, note: true } },
    },
    orderBy: { interviewsFirst: 'desc' },
  },
} satisfies Prisma.SessionInclude;

export type SessionRow = Prisma.SessionGetPayload<{ include: typeof withParticipants }>;

export function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    status: row.status,
    version: row.version,
    startsAt: row.startsAt.getTime(),
    durationMinutes: row.durationMinutes,
    proposedAt: row.proposedAt.getTime(),
    proposedSlots: row.proposedSlots.map((slot) => slot.getTime()),
    interviewType: row.interviewType,
    reason: row.reason,
    channelId: row.channelId,
    introTs: row.introTs,
    cancelledById: row.cancelledById,
    participants: row.participants.map((participant) => ({
      memberId: participant.memberId,
      slackUserId: participant.member.slackUserId,
      requestId: participant.requestId,
      interviewsFirst: participant.interviewsFirst,
      confirmedAt: participant.confirmedAt,
      noShow: participant.noShow,
      meetingLink: participant.member.meetingLink,
      role: participant.request.role,
      level: participant.request.level,
      note: participant.request.note,
    })),
  };
}

export async function findSession(db: DbClient, sessionId: string): Promise<SessionRecord | null> {
  const row = await db.session.findUnique({ where: { id: sessionId }, include: withParticipants });
  return row ? toRecord(row) : null;
}

/** The member's next session that is still on (proposed or confirmed), soonest first. */
export async function findNextSession(
  db: Database,
  memberId: string,
  now: Date,
): Promise<{ id: string } | null> {
  return db.session.findFirst({
    where: {
      status: { in: ['PROPOSED', 'CONFIRMED'] },
      participants: { some: { memberId } },
      startsAt: { gt: new Date(now.getTime() - 60 * 60_000) },
    },
    orderBy: { startsAt: 'asc' },
    select: { id: true },
  });
}

/** Marks the intro as posted in `channelId` (the pair's group DM) as message `ts`. */
export async function recordSessionChannel(
  db: Database,
  sessionId: string,
  channel: { channelId: string; introTs: string },
): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: channel });
}

/**
 * The member's most recent finished sessions, newest first, as kept or lapsed: released without
 * their confirmation, or reported absent, counts as lapsed (see domain/scheduling/auto-pause.ts).
 */
export async function recentSessionOutcomes(
  db: Database,
  memberId: string,
  limit: number,
): Promise<Array<'kept' | 'lapsed'>> {
  const rows = await db.sessionParticipant.findMany({
    where: { memberId, session: { status: { in: ['RELEASED', 'COMPLETED'] } } },
    orderBy: { session: { startsAt: 'desc' } },
    take: limit,
    select: { noShow: true, confirmedAt: true, session: { select: { status: true } } },
  });
  return rows.map((row) =>
    row.noShow || (row.session.status === 'RELEASED' && row.confirmedAt === null) ? 'lapsed' : 'kept',
  );
}

/**
 * Sessions still ahead, with what the reconciler needs to re-derive their follow-ups: a page of
 * `take` in id order after `afterId`, so a large community is read a page at a time.
 */
export async function findLiveSessionSchedules(
  db: Database,
  page: { afterId: string | null; take: number },
): Promise<Array<SessionSchedule & { workspaceId: string; introPosted: boolean }>> {
  const rows = await db.session.findMany({
    where: {
      status: { in: ['PROPOSED', 'CONFIRMED'] },
      ...(page.afterId ? { id: { gt: page.afterId } } : {}),
    },
    orderBy: { id: 'asc' },
    take: page.take,
    select: {
      id: true,
      workspaceId: true,
      status: true,
      version: true,
      startsAt: true,
      durationMinutes: true,
      proposedAt: true,
      introTs: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspaceId,
    status: row.status,
    version: row.version,
    startsAt: row.startsAt.getTime(),
    durationMinutes: row.durationMinutes,
    proposedAt: row.proposedAt.getTime(),
    introPosted: row.introTs !== null,
  }));
}

/** A member-facing follow-up of the session was given up on (Slack did not take it for hours). */
export async function recordUndelivered(
  db: Database,
  sessionId: string,
  jobName: string,
  at: Date,
): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId },
    data: { undeliveredJob: jobName, undeliveredAt: at },
  });
}

/** The reconciler is trying the session's given-up follow-up again. */
export async function clearUndelivered(db: Database, sessionId: string): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, undeliveredJob: { not: null } },
    data: { undeliveredJob: null, undeliveredAt: null },
  });
}
