import type { CommunityCounts } from '../domain/feedback/community-summary.ts';
import type { HireSignal, Ratings } from '../domain/feedback/feedback-rules.ts';
import { readRatings } from './feedback.ts';
import type { Database } from './prisma.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The counts behind the organizers' community section: sessions in the calendar week `week` (on
 * the organizer's clock), the last 7 days for requests and daily questions, the last 30 for rates
 * that need more data (no-shows, feedback). Counts only: nothing here names a member.
 */
export async function communityCounts(
  db: Database,
  workspaceId: string,
  now: Date,
  week: { start: Date; end: Date },
): Promise<CommunityCounts> {
  const lastWeek = new Date(now.getTime() - 7 * DAY_MS);
  const month = new Date(now.getTime() - 30 * DAY_MS);
  const completedThisMonth = {
    session: { workspaceId, status: 'COMPLETED' as const, startsAt: { gte: month, lte: now } },
  };
  const [
    members,
    active,
    sessionsThisWeek,
    requestsClosed,
    requestsMatched,
    attendances,
    noShows,
    dailyQuestionsPosted,
    signals,
    notesToOrganizers,
  ] = await Promise.all([
    db.member.count({ where: { workspaceId } }),
    db.sessionParticipant.groupBy({ by: ['memberId'], where: completedThisMonth }),
    db.session.count({
      where: {
        workspaceId,
        status: { in: ['CONFIRMED', 'COMPLETED'] },
        startsAt: { gte: week.start, lt: week.end },
      },
    }),
    db.partnerRequest.count({ where: { workspaceId, closedAt: { gte: lastWeek } } }),
    db.partnerRequest.count({ where: { workspaceId, closedAt: { gte: lastWeek }, status: 'MATCHED' } }),
    db.sessionParticipant.count({ where: completedThisMonth }),
    db.sessionParticipant.count({ where: { ...completedThisMonth, noShow: true } }),
    db.dailyQuestionPost.count({ where: { workspaceId, postedAt: { gte: lastWeek } } }),
    db.feedback.groupBy({
      by: ['hireSignal'],
      where: { session: { workspaceId }, submittedAt: { gte: month } },
      _count: { _all: true },
    }),
    db.feedback.count({
      where: { session: { workspaceId }, submittedAt: { gte: month }, organizerNote: { not: null } },
    }),
  ]);
  return {
    members,
    activeMembers: active.length,
    sessionsThisWeek,
    requestsClosed,
    requestsMatched,
    attendances,
    noShows,
    dailyQuestionsPosted,
    feedbackGiven: signals.reduce((sum, row) => sum + row._count._all, 0),
    hireSignals: Object.fromEntries(signals.map((row) => [row.hireSignal, row._count._all])),
    notesToOrganizers,
  };
}

export interface CommunityFeedback {
  interviewType: string;
  at: number;
  ratings: Ratings;
  hireSignal: HireSignal;
}

/**
 * A workspace's feedback since `since`, for organizers: scores and signals only, with no author,
 * recipient or session, so nothing in it says who was rated.
 */
export async function communityFeedback(
  db: Database,
  workspaceId: string,
  since: Date,
): Promise<CommunityFeedback[]> {
  const rows = await db.feedback.findMany({
    where: { session: { workspaceId }, submittedAt: { gte: since } },
    select: { ratings: true, hireSignal: true, session: { select: { interviewType: true, startsAt: true } } },
  });
  return rows.map((row) => ({
    interviewType: row.session.interviewType,
    at: row.session.startsAt.getTime(),
    ratings: readRatings(row.ratings),
    hireSignal: row.hireSignal,
  }));
}

/** The latest notes to organizers, as text with the session's type and day only: never the author. */
export async function latestOrganizerNotes(
  db: Database,
  workspaceId: string,
  since: Date,
  limit: number,
): Promise<{ total: number; notes: Array<{ interviewType: string; at: number; text: string }> }> {
  const where = { session: { workspaceId }, submittedAt: { gte: since }, organizerNote: { not: null } };
  const [total, rows] = await Promise.all([
    db.feedback.count({ where }),
    db.feedback.findMany({
      where,
      select: { organizerNote: true, session: { select: { interviewType: true, startsAt: true } } },
      orderBy: { submittedAt: 'desc' },
      take: limit,
    }),
  ]);
  return {
    total,
    notes: rows.map((row) => ({
      interviewType: row.session.interviewType,
      at: row.session.startsAt.getTime(),
      text: row.organizerNote ?? '',
    })),
  };
}
