import { usableTimeZone } from '../domain/availability/time-zone.ts';
import type { WeeklyRequest } from '../domain/weekly-opt-in.ts';
import { storedWeeklyRequest } from '../domain/weekly-opt-in.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { Database, DbClient } from './prisma.ts';

export interface WeeklyMember {
  memberId: string;
  workspaceId: string;
  slackUserId: string;
  slackTeamId: string;
  timezone: string | null;
  level: string | null;
  weeklyRequest: WeeklyRequest | null;
  enteredWeek: string | null;
  skippedWeek: string | null;
  weeklyRequestId: string | null;
  paused: boolean;
  busy: boolean;
}

/** Sets (or with null, ends) the member's standing weekly request. */
export async function setWeeklyRequest(
  db: Database,
  memberId: string,
  request: WeeklyRequest | null,
): Promise<void> {
  await db.member.update({
    where: { id: memberId },
    data: { weeklyRequest: request ? (request as unknown as Prisma.InputJsonValue) : Prisma.DbNull },
  });
}

/** Every opted-in member with what deciding their weekly entry needs, a page at a time. */
export async function findWeeklyMembers(
  db: Database,
  page: { afterId: string | null; take: number },
  now: Date,
): Promise<WeeklyMember[]> {
  const rows = await db.member.findMany({
    where: { weeklyRequest: { not: Prisma.DbNull }, ...(page.afterId ? { id: { gt: page.afterId } } : {}) },
    orderBy: { id: 'asc' },
    take: page.take,
    select: weeklySelect(now),
  });
  return rows.map(toWeeklyMember(now));
}

/** One member, opted in or not, as the weekly entry sees them. */
export async function findWeeklyMember(
  db: Database,
  memberId: string,
  now = new Date(),
): Promise<WeeklyMember | null> {
  const row = await db.member.findUnique({ where: { id: memberId }, select: weeklySelect(now) });
  return row ? toWeeklyMember(now)(row) : null;
}

function weeklySelect(now: Date) {
  return {
    id: true,
    workspaceId: true,
    slackUserId: true,
    workspace: { select: { slackTeamId: true } },
    timezone: true,
    timezoneOverride: true,
    level: true,
    weeklyRequest: true,
    weeklyEnteredWeek: true,
    weeklySkippedWeek: true,
    weeklyRequestId: true,
    pausedAt: true,
    snoozedUntil: true,
    _count: {
      select: {
        requests: { where: { status: 'OPEN' } },
        participants: {
          where: { session: { status: { in: ['PROPOSED', 'CONFIRMED'] }, startsAt: { gt: now } } },
        },
      },
    },
  } satisfies Prisma.MemberSelect;
}

type WeeklyRow = Prisma.MemberGetPayload<{ select: ReturnType<typeof weeklySelect> }>;

function toWeeklyMember(now: Date) {
  return (row: WeeklyRow): WeeklyMember => ({
    memberId: row.id,
    workspaceId: row.workspaceId,
    slackUserId: row.slackUserId,
    slackTeamId: row.workspace.slackTeamId,
    timezone: usableTimeZone(row.timezoneOverride) ?? usableTimeZone(row.timezone),
    level: row.level,
    weeklyRequest: storedWeeklyRequest(row.weeklyRequest),
    enteredWeek: row.weeklyEnteredWeek,
    skippedWeek: row.weeklySkippedWeek,
    weeklyRequestId: row.weeklyRequestId,
    paused: row.pausedAt !== null || (row.snoozedUntil !== null && row.snoozedUntil > now),
    busy: row._count.requests > 0 || row._count.participants > 0,
  });
}

/** Records this week's entry and the request it opened. */
export async function recordWeeklyEntry(
  db: DbClient,
  memberId: string,
  entry: { week: string; requestId: string },
): Promise<void> {
  await db.member.update({
    where: { id: memberId },
    data: { weeklyEnteredWeek: entry.week, weeklyRequestId: entry.requestId },
  });
}

/**
 * Skips `week` for the member, and withdraws the request that week's entry opened if it is still
 * open (one they placed themselves is theirs to keep). True when one was withdrawn.
 */
export async function skipWeeklyEntry(
  db: Database,
  memberId: string,
  week: string,
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const member = await tx.member.update({
      where: { id: memberId },
      data: { weeklySkippedWeek: week },
      select: { weeklyRequestId: true, weeklyEnteredWeek: true },
    });
    if (!member.weeklyRequestId || member.weeklyEnteredWeek !== week) return false;
    const { count } = await tx.partnerRequest.updateMany({
      where: { id: member.weeklyRequestId, status: 'OPEN' },
      data: { status: 'CANCELLED', openForMemberId: null, closedAt: now },
    });
    return count > 0;
  });
}
