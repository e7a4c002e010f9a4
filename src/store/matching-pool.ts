import { randomUUID } from 'node:crypto';
import type { PlannedSession } from '../domain/matching/plan-sessions.ts';
import type { AttendanceRecord } from '../domain/matching/reliability.ts';
import { type OpenRequestRow, toOpenRequestRow } from './partner-requests.ts';
import type { Database, Transaction } from './prisma.ts';

export interface MatchablePool {
  requests: OpenRequestRow[];
  blockedPairs: Array<[string, string]>;
  recentPairings: Array<{ memberA: string; memberB: string; pairedAt: number }>;
  /** One entry per recent session each member was due at: whether they missed it. */
  attendance: AttendanceRecord[];
  /** Interviewees' private ratings of the pool's members as interviewers, same lookback. */
  interviewerRatings: Array<{ interviewerId: string; questionQuality: number; feedbackQuality: number }>;
}

/** Reliability looks at about a quarter of sessions: recent enough that people can recover. */
const ATTENDANCE_LOOKBACK_DAYS = 90;

/** What a matching run writes: the domain's planned session, as plan-sessions.ts makes it. */
export type SessionToCreate = PlannedSession;

/**
 * Runs `work` while holding this workspace's matching lock, inside one transaction. Two sweeps,
 * or a sweep and an instant match, on any number of processes, queue up here instead of reading
 * the same open requests; the unique requestId on SessionParticipant backs this up.
 */
export async function withMatchingLock<T>(
  db: Database,
  workspaceId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`matching:${workspaceId}`}, 0))`;
      return work(tx);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** Open requests of members who are neither paused nor snoozed, with their blocks and recent partners. */
export async function loadMatchablePool(
  tx: Transaction,
  workspaceId: string,
  now: Date,
  lookbackDays: number,
): Promise<MatchablePool> {
  const rows = await tx.partnerRequest.findMany({
    where: {
      workspaceId,
      status: 'OPEN',
      expiresAt: { gt: now },
      member: { pausedAt: null, OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: now } }] },
    },
    orderBy: { createdAt: 'asc' },
  });
  const memberIds = rows.map((row) => row.memberId);
  const [blocks, participations, attendance, interviewerRatings] = await Promise.all([
    tx.memberBlock.findMany({
      where: { OR: [{ memberId: { in: memberIds } }, { blockedMemberId: { in: memberIds } }] },
    }),
    tx.sessionParticipant.findMany({
      where: {
        memberId: { in: memberIds },
        session: { createdAt: { gt: new Date(now.getTime() - lookbackDays * 86_400_000) } },
      },
      select: {
        memberId: true,
        session: { select: { createdAt: true, participants: { select: { memberId: true } } } },
      },
    }),
    // Sessions that were due to happen: finished, or cancelled by this member at the last minute.
    tx.sessionParticipant.findMany({
      where: {
        memberId: { in: memberIds },
        session: {
          startsAt: { gt: new Date(now.getTime() - ATTENDANCE_LOOKBACK_DAYS * 86_400_000), lte: now },
        },
        OR: [{ session: { status: 'COMPLETED' } }, { lateCancel: true }],
      },
      select: { memberId: true, noShow: true, lateCancel: true },
    }),
    tx.interviewerRating.findMany({
      where: {
        interviewerId: { in: memberIds },
        createdAt: { gt: new Date(now.getTime() - ATTENDANCE_LOOKBACK_DAYS * 86_400_000) },
      },
      select: { interviewerId: true, questionQuality: true, feedbackQuality: true },
    }),
  ]);
  const recentPairings = participations.flatMap((participation) =>
    participation.session.participants
      .filter((other) => other.memberId !== participation.memberId)
      .map((other) => ({
        memberA: participation.memberId,
        memberB: other.memberId,
        pairedAt: participation.session.createdAt.getTime(),
      })),
  );
  return {
    requests: rows.map(toOpenRequestRow),
    blockedPairs: blocks.map((block) => [block.memberId, block.blockedMemberId]),
    recentPairings,
    attendance: attendance.map((row) => ({ memberId: row.memberId, missed: row.noShow || row.lateCancel })),
    interviewerRatings,
  };
}

/** How long a matching run's input (who was in the pool, and how) is kept. */
export const MATCH_RUN_INPUT_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * Writes one matching run: its log row (seed and input, so it can be replayed), a session with
 * two participants per pair, and the matched requests closed. Requests left out keep priority.
 */
export async function recordMatchRun(
  tx: Transaction,
  run: {
    workspaceId: string;
    trigger: string;
    input: unknown;
    durationMs: number;
    sessions: SessionToCreate[];
    leftOutRequestIds: string[];
    now: Date;
  },
): Promise<string[]> {
  // A run's input names members with their level, times, timezone offset and types; it is kept
  // for replaying a recent run, not for ever. Older inputs are emptied (the counts stay).
  await tx.matchRun.updateMany({
    where: {
      workspaceId: run.workspaceId,
      createdAt: { lt: new Date(run.now.getTime() - MATCH_RUN_INPUT_RETENTION_MS) },
      NOT: { input: { equals: {} } },
    },
    data: { input: {} },
  });
  // Raw, like the sessions below: the input of a 10,000-request pool is megabytes of JSON, which
  // Prisma's create spent half a second compiling on the event loop. The engine is deterministic;
  // the seed (0) is recorded for the replay contract all the same.
  const matchRun = { id: randomUUID() };
  await tx.$executeRaw`
    INSERT INTO "MatchRun" ("id", "workspaceId", "trigger", "seed", "input", "pairs", "unmatched", "durationMs", "createdAt")
    VALUES (${matchRun.id}::uuid, ${run.workspaceId}::uuid, ${run.trigger}, 0, ${JSON.stringify(run.input)}::jsonb,
      ${run.sessions.length}::int, ${run.leftOutRequestIds.length}::int, ${run.durationMs}::int, now() AT TIME ZONE 'UTC')`;
  // Ids are made here so a run of thousands of sessions is two inserts (sessions, participants),
  // not several statements per session: the run's transaction has a time limit.
  const planned = run.sessions.map((session) => ({ id: randomUUID(), session }));
  const sessionRows = planned.map(({ id, session }) => ({
    id,
    workspaceId: run.workspaceId,
    matchRunId: matchRun.id,
    interviewType: session.interviewType,
    status: session.status,
    startsAt: session.startsAt,
    proposedSlots: session.proposedSlots,
    proposedAt: run.now,
    confirmedAt: session.status === 'CONFIRMED' ? run.now : null,
    durationMinutes: session.durationMinutes,
    reason: session.reason,
  }));
  const participantRows = planned.flatMap(({ id, session }) =>
    session.participants.map((participant) => ({
      ...participant,
      sessionId: id,
      // A "now" session needs no confirmation: asking for "now" was the agreement.
      confirmedAt: session.status === 'CONFIRMED' ? run.now : null,
    })),
  );
  await insertSessions(tx, sessionRows, participantRows);
  const matchedIds = run.sessions.flatMap((session) => session.participants.map((p) => p.requestId));
  if (matchedIds.length > 0) {
    await tx.partnerRequest.updateMany({
      where: { id: { in: matchedIds }, status: 'OPEN' },
      data: { status: 'MATCHED', openForMemberId: null, closedAt: run.now, priority: false },
    });
  }
  if (run.leftOutRequestIds.length > 0) {
    await tx.partnerRequest.updateMany({
      where: { id: { in: run.leftOutRequestIds } },
      data: { priority: true },
    });
  }
  return planned.map(({ id }) => id);
}

/**
 * A run's sessions and their participants: one statement each, the rows as a single JSON
 * parameter. A `createMany` is compiled by Prisma on the event loop in time that grows with its
 * rows: the 5,000 sessions and 10,000 participants of a 10,000-request sweep took 3.7 s there, on
 * a process that may also be sending reminders. Times are stored as Prisma stores them, UTC in
 * `timestamp(3)` columns: an ISO string's zone is ignored on the cast, and `now()` is taken at UTC.
 */
async function insertSessions(
  tx: Transaction,
  sessions: ReadonlyArray<{
    id: string;
    workspaceId: string;
    matchRunId: string;
    interviewType: string;
    status: string;
    startsAt: Date;
    proposedSlots: readonly Date[];
    proposedAt: Date;
    confirmedAt: Date | null;
    durationMinutes: number;
    reason: string;
  }>,
  participants: ReadonlyArray<{
    sessionId: string;
    memberId: string;
    requestId: string;
    interviewsFirst: boolean;
    confirmedAt: Date | null;
  }>,
): Promise<void> {
  if (sessions.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Session" ("id", "workspaceId", "matchRunId", "interviewType", "status", "startsAt",
      "proposedSlots", "proposedAt", "confirmedAt", "durationMinutes", "reason", "createdAt", "updatedAt")
    SELECT (given.item->>'id')::uuid, (given.item->>'workspaceId')::uuid, (given.item->>'matchRunId')::uuid,
      given.item->>'interviewType', (given.item->>'status')::"SessionStatus", (given.item->>'startsAt')::timestamp(3),
      ARRAY(
        SELECT slot.value::timestamp(3)
        FROM jsonb_array_elements_text(given.item->'proposedSlots') WITH ORDINALITY AS slot(value, position)
        ORDER BY slot.position
      ),
      (given.item->>'proposedAt')::timestamp(3), (given.item->>'confirmedAt')::timestamp(3),
      (given.item->>'durationMinutes')::int, given.item->>'reason', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM jsonb_array_elements(${JSON.stringify(sessions)}::jsonb) AS given(item)`;
  await tx.$executeRaw`
    INSERT INTO "SessionParticipant" ("id", "sessionId", "memberId", "requestId", "interviewsFirst", "confirmedAt")
    SELECT gen_random_uuid(), (given.item->>'sessionId')::uuid, (given.item->>'memberId')::uuid,
      (given.item->>'requestId')::uuid, (given.item->>'interviewsFirst')::boolean, (given.item->>'confirmedAt')::timestamp(3)
    FROM jsonb_array_elements(${JSON.stringify(participants)}::jsonb) AS given(item)`;
}
