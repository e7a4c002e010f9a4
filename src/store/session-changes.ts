import type { SessionState } from '../domain/sessions/session-lifecycle.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { inChunks } from './in-chunks.ts';
import type { Transaction } from './prisma.ts';

/**
 * The session as the lifecycle (src/domain/sessions/session-lifecycle.ts) reads and writes it.
 * Every change locks the row first, so two presses at once take turns and each sees the other's
 * result.
 */

export interface LockedSession {
  workspaceId: string;
  state: SessionState;
  /** Slack user id → member id, to resolve who pressed. */
  memberBySlackUser: Map<string, string>;
}

const stateSelect = {
  id: true,
  workspaceId: true,
  status: true,
  version: true,
  startsAt: true,
  durationMinutes: true,
  proposedAt: true,
  proposedSlots: true,
  confirmedAt: true,
  endedAt: true,
  cancelledById: true,
  _count: { select: { feedback: true } },
  participants: {
    select: {
      memberId: true,
      requestId: true,
      interviewsFirst: true,
      confirmedAt: true,
      noShow: true,
      lateCancel: true,
      member: { select: { slackUserId: true } },
    },
    orderBy: { interviewsFirst: 'desc' },
  },
} satisfies Prisma.SessionSelect;

const time = (date: Date | null) => (date ? date.getTime() : null);

/** Reads the session and locks its row until the transaction ends; null when there is none. */
export async function lockSession(tx: Transaction, sessionId: string): Promise<LockedSession | null> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${sessionId}::uuid FOR UPDATE`;
  return readSession(tx, sessionId);
}

/** The same, without the lock: for a session this transaction has just created. */
export async function readSession(tx: Transaction, sessionId: string): Promise<LockedSession | null> {
  const row = await tx.session.findUnique({ where: { id: sessionId }, select: stateSelect });
  return row ? toLockedSession(row) : null;
}

/** Sessions read per statement: the ids are bind parameters, well under PostgreSQL's limit. */
const READ_CHUNK_IDS = 1_000;

/**
 * Many sessions this transaction has just created, in the order of `sessionIds` (missing ones left
 * out): one statement per chunk of ids, participants joined in, however many sessions a run made.
 */
export async function readSessions(tx: Transaction, sessionIds: readonly string[]): Promise<LockedSession[]> {
  const byId = new Map<string, LockedSession>();
  for (const ids of inChunks(sessionIds, READ_CHUNK_IDS)) {
    const rows = await tx.session.findMany({ where: { id: { in: ids } }, select: stateSelect });
    for (const row of rows) byId.set(row.id, toLockedSession(row));
  }
  return sessionIds.flatMap((id) => byId.get(id) ?? []);
}

function toLockedSession(row: Prisma.SessionGetPayload<{ select: typeof stateSelect }>): LockedSession {
  return {
    workspaceId: row.workspaceId,
    memberBySlackUser: new Map(row.participants.map((p) => [p.member.slackUserId, p.memberId])),
    state: {
      id: row.id,
      status: row.status,
      version: row.version,
      startsAt: row.startsAt.getTime(),
      durationMinutes: row.durationMinutes,
      proposedAt: row.proposedAt.getTime(),
      proposedSlots: row.proposedSlots.map((slot) => slot.getTime()),
      confirmedAt: time(row.confirmedAt),
      endedAt: time(row.endedAt),
      cancelledById: row.cancelledById,
      feedbackGiven: row._count.feedback > 0,
      participants: row.participants.map((p) => ({
        memberId: p.memberId,
        requestId: p.requestId,
        interviewsFirst: p.interviewsFirst,
        confirmedAt: time(p.confirmedAt),
        noShow: p.noShow,
        lateCancel: p.lateCancel,
      })),
    },
  };
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Writes what the lifecycle decided: the session's fields and each participant that changed. */
export async function saveSessionState(
  tx: Transaction,
  before: SessionState,
  after: SessionState,
): Promise<void> {
  await tx.session.update({
    where: { id: after.id },
    data: {
      status: after.status,
      version: after.version,
      startsAt: new Date(after.startsAt),
      proposedAt: new Date(after.proposedAt),
      confirmedAt: date(after.confirmedAt),
      endedAt: date(after.endedAt),
      cancelledById: after.cancelledById,
    },
  });
  for (const participant of after.participants) {
    const previous = before.participants.find((p) => p.memberId === participant.memberId);
    if (
      previous &&
      previous.confirmedAt === participant.confirmedAt &&
      previous.noShow === participant.noShow &&
      previous.lateCancel === participant.lateCancel
    ) {
      continue;
    }
    await tx.sessionParticipant.updateMany({
      where: { sessionId: after.id, memberId: participant.memberId },
      data: {
        confirmedAt: date(participant.confirmedAt),
        noShow: participant.noShow,
        lateCancel: participant.lateCancel,
      },
    });
  }
}

export interface ReopenedRequest {
  requestId: string;
  expiresAt: Date;
}

/**
 * Puts a copy of the request back in the pool with priority, unless the member has opened
 * another request since (theirs wins, and gets the priority) or is gone. A request belongs to at
 * most one session, hence a copy rather than the same row.
 */
export async function reopenRequest(
  tx: Transaction,
  requestId: string,
  now: Date,
  ttlMs: number,
): Promise<ReopenedRequest | null> {
  const request = await tx.partnerRequest.findUnique({ where: { id: requestId } });
  if (!request) return null;
  const open = await tx.partnerRequest.findUnique({ where: { openForMemberId: request.memberId } });
  if (open) {
    await tx.partnerRequest.update({ where: { id: open.id }, data: { priority: true } });
    return null;
  }
  const copy = await tx.partnerRequest.create({
    data: {
      workspaceId: request.workspaceId,
      memberId: request.memberId,
      openForMemberId: request.memberId,
      interviewTypes: request.interviewTypes,
      level: request.level,
      role: request.role,
      durationMinutes: request.durationMinutes,
      availability: request.availability as Prisma.InputJsonValue,
      timezone: request.timezone,
      note: request.note,
      priority: true,
      // At least a day (of a week's TTL) back in the pool, however close the original was to expiring.
      expiresAt: new Date(Math.max(request.expiresAt.getTime(), now.getTime() + ttlMs / 7)),
    },
  });
  return { requestId: copy.id, expiresAt: copy.expiresAt };
}
