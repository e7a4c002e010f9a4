import type { SessionSchedule } from '../domain/scheduling/session-jobs.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Database } from './prisma.ts';

type Transaction = Prisma.TransactionClient;

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

const withParticipants = {
  participants: {
    include: {
      member: { select: { slackUserId: true, meetingLink: true } },
      request: { select: { role: true, level: true } },
    },
    orderBy: { interviewsFirst: 'desc' },
  },
} satisfies Prisma.SessionInclude;

type SessionRow = Prisma.SessionGetPayload<{ include: typeof withParticipants }>;

function toRecord(row: SessionRow): SessionRecord {
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
    })),
  };
}

export async function findSession(
  db: Database | Transaction,
  sessionId: string,
): Promise<SessionRecord | null> {
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

/** Reads the session with its row locked until the transaction ends: every transition goes through here. */
async function lockSession(tx: Transaction, sessionId: string): Promise<SessionRecord | null> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${sessionId}::uuid FOR UPDATE`;
  return findSession(tx, sessionId);
}

/** Marks the intro as posted in `channelId` (the pair's group DM) as message `ts`. */
export async function recordSessionChannel(
  db: Database,
  sessionId: string,
  channel: { channelId: string; introTs: string },
): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: channel });
}

export type SlotPick =
  | { kind: 'waiting'; session: SessionRecord }
  | { kind: 'confirmed'; session: SessionRecord; previousVersion: number }
  | { kind: 'moved'; session: SessionRecord; previousVersion: number }
  | { kind: 'stale'; reason: 'not-a-participant' | 'not-proposed' | 'changed' | 'slot-passed' };

/**
 * A member presses one of the offered times. The proposed time confirms it for them (both
 * confirmed: the session is on); another time moves the proposal there, confirmed for the picker,
 * and the partner is asked. The row lock makes two simultaneous clicks take turns.
 */
export async function pickSlot(
  db: Database,
  pick: { sessionId: string; slackUserId: string; version: number; slot: number; now: Date },
): Promise<SlotPick> {
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, pick.sessionId);
    const picker = session?.participants.find((p) => p.slackUserId === pick.slackUserId);
    if (!session || !picker) return { kind: 'stale', reason: 'not-a-participant' };
    if (session.status !== 'PROPOSED') return { kind: 'stale', reason: 'not-proposed' };
    if (session.version !== pick.version) return { kind: 'stale', reason: 'changed' };
    if (pick.slot <= pick.now.getTime() || !session.proposedSlots.includes(pick.slot)) {
      return { kind: 'stale', reason: 'slot-passed' };
    }
    const next = session.version + 1;
    if (pick.slot !== session.startsAt) {
      await tx.sessionParticipant.updateMany({
        where: { sessionId: session.id },
        data: { confirmedAt: null },
      });
      await tx.sessionParticipant.updateMany({
        where: { sessionId: session.id, memberId: picker.memberId },
        data: { confirmedAt: pick.now },
      });
      await tx.session.update({
        where: { id: session.id },
        data: { startsAt: new Date(pick.slot), proposedAt: pick.now, version: next },
      });
      return {
        kind: 'moved',
        session: (await findSession(tx, session.id))!,
        previousVersion: session.version,
      };
    }
    await tx.sessionParticipant.updateMany({
      where: { sessionId: session.id, memberId: picker.memberId },
      data: { confirmedAt: pick.now },
    });
    const partner = session.participants.find((p) => p.memberId !== picker.memberId);
    if (!partner?.confirmedAt) return { kind: 'waiting', session: (await findSession(tx, session.id))! };
    await tx.session.update({
      where: { id: session.id },
      data: { status: 'CONFIRMED', confirmedAt: pick.now, version: next },
    });
    return {
      kind: 'confirmed',
      session: (await findSession(tx, session.id))!,
      previousVersion: session.version,
    };
  });
}

export interface ReopenedRequest {
  requestId: string;
  expiresAt: Date;
}

export type SessionChange =
  | { kind: 'changed'; session: SessionRecord; previousVersion: number; reopened: ReopenedRequest[] }
  | { kind: 'stale'; reason: 'not-a-participant' | 'already-over' | 'changed' | 'not-started' };

const LIVE: ReadonlyArray<SessionRecord['status']> = ['PROPOSED', 'CONFIRMED'];

/**
 * A participant cancels. Close to the start it counts against their reliability; the partner's
 * request goes back into the pool with priority, since they did nothing wrong.
 */
export async function cancelSession(
  db: Database,
  cancel: { sessionId: string; slackUserId: string; now: Date; lateCancelMs: number; requestTtlMs: number },
): Promise<SessionChange> {
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, cancel.sessionId);
    const canceller = session?.participants.find((p) => p.slackUserId === cancel.slackUserId);
    if (!session || !canceller) return { kind: 'stale', reason: 'not-a-participant' };
    if (!LIVE.includes(session.status)) return { kind: 'stale', reason: 'already-over' };
    const late =
      session.status === 'CONFIRMED' && session.startsAt - cancel.now.getTime() < cancel.lateCancelMs;
    await tx.session.update({
      where: { id: session.id },
      data: {
        status: 'CANCELLED',
        endedAt: cancel.now,
        cancelledById: canceller.memberId,
        version: session.version + 1,
      },
    });
    if (late) {
      await tx.sessionParticipant.updateMany({
        where: { sessionId: session.id, memberId: canceller.memberId },
        data: { lateCancel: true },
      });
    }
    const partner = session.participants.find((p) => p.memberId !== canceller.memberId);
    const reopened = partner
      ? await reopenRequest(tx, partner.requestId, cancel.now, cancel.requestTtlMs)
      : null;
    return changed(tx, session, reopened ? [reopened] : []);
  });
}

/**
 * Nobody confirmed in time: the session is released and both go back into the pool, with priority,
 * as fresh copies of their requests (a request belongs to at most one session).
 */
export async function releaseSession(
  db: Database,
  release: { sessionId: string; version: number; now: Date; requestTtlMs: number },
): Promise<SessionChange> {
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, release.sessionId);
    if (!session) return { kind: 'stale', reason: 'not-a-participant' };
    if (session.status !== 'PROPOSED' || session.version !== release.version) {
      return { kind: 'stale', reason: 'changed' };
    }
    await tx.session.update({
      where: { id: session.id },
      data: { status: 'RELEASED', endedAt: release.now, version: session.version + 1 },
    });
    const reopened: ReopenedRequest[] = [];
    for (const participant of session.participants) {
      const request = await reopenRequest(tx, participant.requestId, release.now, release.requestTtlMs);
      if (request) reopened.push(request);
    }
    return changed(tx, session, reopened);
  });
}

/**
 * A confirmed session goes back to choosing a time: the offered times still ahead are proposed
 * again, with nobody confirmed. Its reminders belong to the old version and fall away.
 */
export async function reopenProposal(
  db: Database,
  change: { sessionId: string; slackUserId: string; now: Date },
): Promise<SessionChange> {
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, change.sessionId);
    const member = session?.participants.find((p) => p.slackUserId === change.slackUserId);
    if (!session || !member) return { kind: 'stale', reason: 'not-a-participant' };
    if (session.status !== 'CONFIRMED') return { kind: 'stale', reason: 'already-over' };
    const ahead = session.proposedSlots.filter(
      (slot) => slot > change.now.getTime() && slot !== session.startsAt,
    );
    if (ahead.length === 0) return { kind: 'stale', reason: 'changed' };
    await tx.sessionParticipant.updateMany({ where: { sessionId: session.id }, data: { confirmedAt: null } });
    await tx.session.update({
      where: { id: session.id },
      data: {
        status: 'PROPOSED',
        startsAt: new Date(ahead[0]!),
        proposedAt: change.now,
        confirmedAt: null,
        version: session.version + 1,
      },
    });
    return changed(tx, session, []);
  });
}

/**
 * The partner of the reporter did not come. Only from the start time on, and only once per
 * session: if both report each other, the first report stands and the second is told so.
 */
export async function reportNoShow(
  db: Database,
  report: { sessionId: string; slackUserId: string; now: Date },
): Promise<SessionChange> {
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, report.sessionId);
    const reporter = session?.participants.find((p) => p.slackUserId === report.slackUserId);
    if (!session || !reporter) return { kind: 'stale', reason: 'not-a-participant' };
    if (session.status !== 'CONFIRMED' && session.status !== 'COMPLETED') {
      return { kind: 'stale', reason: 'already-over' };
    }
    if (report.now.getTime() < session.startsAt) return { kind: 'stale', reason: 'not-started' };
    if (session.participants.some((p) => p.noShow)) return { kind: 'stale', reason: 'changed' };
    const partner = session.participants.find((p) => p.memberId !== reporter.memberId)!;
    await tx.sessionParticipant.updateMany({
      where: { sessionId: session.id, memberId: partner.memberId },
      data: { noShow: true },
    });
    await tx.session.update({
      where: { id: session.id },
      data: {
        status: 'COMPLETED',
        endedAt: session.status === 'COMPLETED' ? undefined : report.now,
        version: session.version + 1,
      },
    });
    return changed(tx, session, []);
  });
}

async function changed(
  tx: Transaction,
  before: SessionRecord,
  reopened: ReopenedRequest[],
): Promise<SessionChange> {
  const session = (await findSession(tx, before.id))!;
  return { kind: 'changed', session, previousVersion: before.version, reopened };
}

/** The check-in time came: a confirmed session is over. False when it had already changed. */
export async function completeSession(
  db: Database,
  sessionId: string,
  version: number,
  now: Date,
): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, version, status: 'CONFIRMED' },
    data: { status: 'COMPLETED', endedAt: now },
  });
  return count > 0;
}

/**
 * Puts a copy of the request back in the pool with priority, unless the member has opened
 * another request since (theirs wins) or the copy would already have expired.
 */
async function reopenRequest(
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
