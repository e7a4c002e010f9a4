import { feedbackDuties } from '../domain/feedback/feedback-duties.ts';
import type { HireSignal, Ratings } from '../domain/feedback/feedback-rules.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { readRatings } from './feedback.ts';
import type { MemberRef } from './members.ts';
import type { Database } from './prisma.ts';

/**
 * A member's sessions as their Home tab shows them: what is coming up, and what they have done.
 * Reads only the member's own sessions, and of the partner only their Slack id.
 */

export interface MemberSession {
  id: string;
  interviewType: string;
  status: 'PROPOSED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'RELEASED';
  startsAt: number;
  durationMinutes: number;
  endedAt: number | null;
  partnerSlackUserId: string | null;
  /** The member was reported absent. */
  missed: boolean;
  /** The partner was reported absent. */
  partnerMissed: boolean;
  /** The member interviewed the partner (a swap, or one-way as the interviewer): they owe the rubric. */
  writesRubric: boolean;
}

const select = {
  id: true,
  interviewType: true,
  status: true,
  startsAt: true,
  durationMinutes: true,
  endedAt: true,
  participants: {
    select: {
      memberId: true,
      noShow: true,
      interviewsFirst: true,
      member: { select: { slackUserId: true } },
      request: { select: { role: true } },
    },
  },
} satisfies Prisma.SessionSelect;

function toMemberSession(
  memberId: string,
  row: Prisma.SessionGetPayload<{ select: typeof select }>,
): MemberSession {
  const me = row.participants.find((participant) => participant.memberId === memberId);
  const partner = row.participants.find((participant) => participant.memberId !== memberId);
  return {
    id: row.id,
    interviewType: row.interviewType,
    status: row.status,
    startsAt: row.startsAt.getTime(),
    durationMinutes: row.durationMinutes,
    endedAt: row.endedAt?.getTime() ?? null,
    partnerSlackUserId: partner?.member.slackUserId ?? null,
    missed: me?.noShow ?? false,
    partnerMissed: partner?.noShow ?? false,
    writesRubric: feedbackDuties(
      row.participants.map((p) => ({
        memberId: p.memberId,
        role: p.request.role,
        interviewsFirst: p.interviewsFirst,
      })),
      memberId,
    ).writesRubric,
  };
}

/** Sessions still on (proposed or confirmed) that have not ended, soonest first, and how many in all. */
export async function upcomingSessions(
  db: Database,
  memberId: string,
  now: Date,
  limit: number,
): Promise<{ sessions: MemberSession[]; total: number }> {
  const where = {
    status: { in: ['PROPOSED', 'CONFIRMED'] },
    participants: { some: { memberId } },
    startsAt: { gt: new Date(now.getTime() - 2 * 3600 * 1000) },
  } satisfies Prisma.SessionWhereInput;
  const [rows, total] = await Promise.all([
    db.session.findMany({ where, select, orderBy: { startsAt: 'asc' }, take: limit }),
    db.session.count({ where }),
  ]);
  return { sessions: rows.map((row) => toMemberSession(memberId, row)), total };
}

/**
 * Completed sessions, newest first. Capped: the streak and the summary need a few years of weekly
 * practice at most, and the Home tab never lists more than a handful.
 */
export async function completedSessions(
  db: Database,
  memberId: string,
  limit = 500,
): Promise<MemberSession[]> {
  const rows = await db.session.findMany({
    where: { status: 'COMPLETED', participants: { some: { memberId } } },
    select,
    orderBy: { startsAt: 'desc' },
    take: limit,
  });
  return rows.map((row) => toMemberSession(memberId, row));
}

/** The Slack identity of a member, for jobs that carry only the member's id. */
export async function findMemberRef(db: Database, memberId: string): Promise<MemberRef | null> {
  const row = await db.member.findUnique({
    where: { id: memberId },
    select: { slackUserId: true, workspace: { select: { slackTeamId: true } } },
  });
  return row ? { slackTeamId: row.workspace.slackTeamId, slackUserId: row.slackUserId } : null;
}

/** The member's pause, for the profile section. */
export async function findMatchingPause(
  db: Database,
  memberId: string,
): Promise<{ pausedAt: Date | null; snoozedUntil: Date | null }> {
  const row = await db.member.findUnique({
    where: { id: memberId },
    select: { pausedAt: true, snoozedUntil: true },
  });
  return { pausedAt: row?.pausedAt ?? null, snoozedUntil: row?.snoozedUntil ?? null };
}

export interface FeedbackAboutMember {
  sessionId: string;
  interviewType: string;
  /** When the session started (ms). */
  at: number;
  ratings: Ratings;
  hireSignal: HireSignal;
  strengths: string;
  improvement: string;
  communication: string | null;
  revealedAt: number;
}

/**
 * Feedback the member received and may read: revealed only, and without the note to organizers.
 * Newest first, at most `limit` (enough for trends; a member with years of history is summarised).
 */
export async function feedbackReceivedBy(
  db: Database,
  memberId: string,
  limit = 200,
): Promise<FeedbackAboutMember[]> {
  const rows = await db.feedback.findMany({
    where: { recipientId: memberId, revealedAt: { not: null } },
    select: {
      sessionId: true,
      ratings: true,
      hireSignal: true,
      strengths: true,
      improvement: true,
      communication: true,
      revealedAt: true,
      session: { select: { interviewType: true, startsAt: true } },
    },
    orderBy: { session: { startsAt: 'desc' } },
    take: limit,
  });
  return rows.map((row) => ({
    sessionId: row.sessionId,
    interviewType: row.session.interviewType,
    at: row.session.startsAt.getTime(),
    ratings: readRatings(row.ratings),
    hireSignal: row.hireSignal,
    strengths: row.strengths,
    improvement: row.improvement,
    communication: row.communication,
    revealedAt: row.revealedAt!.getTime(),
  }));
}

export interface FeedbackByMember {
  sessionId: string;
  interviewType: string;
  at: number;
  selfRatings: Ratings;
  submittedAt: number;
  revealedAt: number | null;
}

/** What the member wrote (their self-ratings included), newest first. Private to the author. */
export async function feedbackGivenBy(
  db: Database,
  memberId: string,
  limit = 200,
): Promise<FeedbackByMember[]> {
  const rows = await db.feedback.findMany({
    where: { authorId: memberId },
    select: {
      sessionId: true,
      selfRatings: true,
      submittedAt: true,
      revealedAt: true,
      session: { select: { interviewType: true, startsAt: true } },
    },
    orderBy: { session: { startsAt: 'desc' } },
    take: limit,
  });
  return rows.map((row) => ({
    sessionId: row.sessionId,
    interviewType: row.session.interviewType,
    at: row.session.startsAt.getTime(),
    selfRatings: readRatings(row.selfRatings),
    submittedAt: row.submittedAt.getTime(),
    revealedAt: row.revealedAt?.getTime() ?? null,
  }));
}
