import type { SessionSchedule } from '../domain/scheduling/session-jobs.ts';
import { isUuid } from '../domain/uuid.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { type DirectStatement, selectRows } from './direct-sql.ts';
import type { Database } from './prisma.ts';

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

/**
 * One session with its participants, as toRecord makes it from Prisma's read with
 * withParticipants. Every session job (each reminder among them) starts here, so it goes to
 * PostgreSQL directly (direct-sql.ts): through Prisma it was the costliest of a reminder's
 * statements (about 590 µs of CPU, against 235 µs this way).
 * test/db/find-session.test.ts holds it to Prisma's read. An id that is not a uuid finds nothing.
 */
export async function findSession(db: Database, sessionId: string): Promise<SessionRecord | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await selectRows<SessionColumns>(db, FIND_SESSION, [sessionId]);
  if (!row) return null;
  return {
    ...row,
    startsAt: row.startsAt.getTime(),
    proposedAt: row.proposedAt.getTime(),
    proposedSlots: row.proposedSlots.map(utcMillis),
    participants: row.participants.map((participant) => ({
      ...participant,
      confirmedAt: participant.confirmedAt === null ? null : new Date(utcMillis(participant.confirmedAt)),
    })),
  };
}

type SessionColumns = Omit<SessionRecord, 'startsAt' | 'proposedAt' | 'proposedSlots' | 'participants'> & {
  startsAt: Date;
  proposedAt: Date;
  /** JSON text of `timestamp` values: "2026-12-06T12:00:00.5", UTC as Prisma writes them. */
  proposedSlots: string[];
  participants: Array<Omit<SessionParticipantRecord, 'confirmedAt'> & { confirmedAt: string | null }>;
};

const FIND_SESSION: DirectStatement = {
  name: 'session-with-participants',
  text: `SELECT s."id", s."workspaceId", s."status", s."version", s."startsAt", s."durationMinutes",
      s."proposedAt", to_json(s."proposedSlots") AS "proposedSlots", s."interviewType", s."reason",
      s."channelId", s."introTs", s."cancelledById",
      COALESCE((
        SELECT json_agg(json_build_object(
          'memberId', p."memberId", 'slackUserId', m."slackUserId", 'requestId', p."requestId",
          'interviewsFirst', p."interviewsFirst", 'confirmedAt', p."confirmedAt", 'noShow', p."noShow",
          'meetingLink', m."meetingLink", 'role', r."role", 'level', r."level", 'note', r."note"
        ) ORDER BY p."interviewsFirst" DESC)
        FROM "SessionParticipant" p
        JOIN "Member" m ON m."id" = p."memberId"
        JOIN "PartnerRequest" r ON r."id" = p."requestId"
        WHERE p."sessionId" = s."id"
      ), '[]'::json) AS "participants"
    FROM "Session" s
    WHERE s."id" = $1`,
};

/** A `timestamp` in JSON has no zone; Prisma wrote it as UTC. */
function utcMillis(json: string): number {
  return new Date(`${json}Z`).getTime();
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
