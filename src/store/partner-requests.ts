import type { Availability } from '../domain/availability/availability-schema.ts';
import type { StoredRequest } from '../domain/matching/plan-sessions.ts';
import type { DurationMinutes, Level, Role } from '../domain/matching/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Database, DbClient } from './prisma.ts';

/** A request about to be saved: the engine's view of it plus what only the store keeps. */
export interface RequestDraft extends Omit<StoredRequest, 'id' | 'priority' | 'createdAt'> {
  workspaceId: string;
  note: string | null;
  expiresAt: Date;
}

export interface OpenRequestRow extends RequestDraft {
  id: string;
  priority: boolean;
  createdAt: Date;
}

/**
 * Opens the member's request, or updates the one already open: a member has at most one open
 * request per workspace (the unique openForMemberId), so a second /mock refines the first.
 */
export async function saveOpenRequest(
  db: DbClient,
  draft: RequestDraft,
): Promise<{ id: string; updated: boolean }> {
  const fields = {
    interviewTypes: draft.interviewTypes,
    level: draft.level,
    role: draft.role,
    durationMinutes: draft.durationMinutes,
    availability: draft.availability as Prisma.InputJsonValue,
    timezone: draft.timezone,
    note: draft.note,
    expiresAt: draft.expiresAt,
  };
  const existing = await db.partnerRequest.findUnique({
    where: { openForMemberId: draft.memberId },
    select: { id: true },
  });
  if (existing) {
    await db.partnerRequest.update({ where: { id: existing.id }, data: fields });
    return { id: existing.id, updated: true };
  }
  const created = await db.partnerRequest.create({
    data: {
      ...fields,
      workspaceId: draft.workspaceId,
      memberId: draft.memberId,
      openForMemberId: draft.memberId,
    },
    select: { id: true },
  });
  return { id: created.id, updated: false };
}

export async function findOpenRequest(db: Database, memberId: string): Promise<OpenRequestRow | null> {
  const row = await db.partnerRequest.findUnique({ where: { openForMemberId: memberId } });
  return row ? toOpenRequestRow(row) : null;
}

/** The member's last request of any status, to prefill the next one. */
export async function findLatestRequest(db: Database, memberId: string): Promise<OpenRequestRow | null> {
  const row = await db.partnerRequest.findFirst({ where: { memberId }, orderBy: { createdAt: 'desc' } });
  return row ? toOpenRequestRow(row) : null;
}

/** Closes the member's open request; false when there was none. */
export async function cancelOpenRequest(db: Database, memberId: string, now: Date): Promise<boolean> {
  const { count } = await db.partnerRequest.updateMany({
    where: { openForMemberId: memberId },
    data: { status: 'CANCELLED', openForMemberId: null, closedAt: now },
  });
  return count > 0;
}

export function toOpenRequestRow(row: {
  id: string;
  workspaceId: string;
  memberId: string;
  interviewTypes: string[];
  level: string;
  role: Role;
  durationMinutes: number;
  availability: unknown;
  timezone: string;
  note: string | null;
  expiresAt: Date;
  priority: boolean;
  createdAt: Date;
}): OpenRequestRow {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    memberId: row.memberId,
    interviewTypes: row.interviewTypes,
    level: row.level as Level,
    role: row.role,
    durationMinutes: row.durationMinutes as DurationMinutes,
    availability: row.availability as Availability,
    timezone: row.timezone,
    note: row.note,
    expiresAt: row.expiresAt,
    priority: row.priority,
    createdAt: row.createdAt,
  };
}

/** Workspaces that have anything for the sweep to match. */
export async function workspacesWithOpenRequests(db: Database, now: Date): Promise<string[]> {
  const rows = await db.partnerRequest.findMany({
    where: { status: 'OPEN', expiresAt: { gt: now } },
    distinct: ['workspaceId'],
    select: { workspaceId: true },
  });
  return rows.map((row) => row.workspaceId);
}

/**
 * Expires the request if it is still open and still due at `expiresAt` (a refined request has
 * moved on). Returns who to tell, or null when there is nothing to do.
 */
export async function expireRequest(
  db: Database,
  requestId: string,
  expiresAt: Date,
  now: Date,
): Promise<{ workspaceId: string; slackUserId: string; interviewTypes: string[] } | null> {
  await db.partnerRequest.updateMany({
    where: { id: requestId, status: 'OPEN', expiresAt: { equals: expiresAt, lte: now } },
    data: { status: 'EXPIRED', openForMemberId: null, closedAt: now },
  });
  // Expired now, or by an earlier run of the same job: either way the caller owes the member the
  // note (its send is keyed, so it is never sent twice).
  const request = await db.partnerRequest.findFirst({
    where: { id: requestId, status: 'EXPIRED', expiresAt: { equals: expiresAt } },
    select: { workspaceId: true, interviewTypes: true, member: { select: { slackUserId: true } } },
  });
  if (!request) return null;
  return {
    workspaceId: request.workspaceId,
    slackUserId: request.member.slackUserId,
    interviewTypes: request.interviewTypes,
  };
}

/** Who to tell that a still-open request was left out, or null when it is no longer open. */
export async function findOpenRequestOwner(
  db: Database,
  requestId: string,
): Promise<{ workspaceId: string; slackUserId: string; interviewTypes: string[] } | null> {
  const request = await db.partnerRequest.findFirst({
    where: { id: requestId, status: 'OPEN' },
    select: { workspaceId: true, interviewTypes: true, member: { select: { slackUserId: true } } },
  });
  return request
    ? {
        workspaceId: request.workspaceId,
        slackUserId: request.member.slackUserId,
        interviewTypes: request.interviewTypes,
      }
    : null;
}

/** Open requests' expiries, a page at a time in id order, for the reconciler to check each has its job. */
export async function findOpenRequestExpiries(
  db: Database,
  page: { afterId: string | null; take: number },
): Promise<Array<{ id: string; expiresAt: Date }>> {
  return db.partnerRequest.findMany({
    where: { status: 'OPEN', ...(page.afterId ? { id: { gt: page.afterId } } : {}) },
    orderBy: { id: 'asc' },
    take: page.take,
    select: { id: true, expiresAt: true },
  });
}
