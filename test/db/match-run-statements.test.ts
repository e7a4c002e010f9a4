import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { recordMatchRun, type SessionToCreate } from '../../src/store/matching-pool.ts';
import { writeFollowUps } from '../../src/workflows/outbox.ts';
import { sessionsCreatedEntries } from '../../src/workflows/sessions-created.ts';
import { useTestDatabase } from '../harness/use-database.ts';

/**
 * A large sweep writes thousands of sessions in one transaction with a time limit, so recording a
 * run (sessions, participants, closed requests, follow-ups) must cost a number of statements that
 * does not grow with the number of sessions. Half the sessions here are "now" (confirmed at once),
 * half proposed, as a sweep makes them.
 */
const NOW = new Date('2026-11-23T12:00:00.123Z');
const HOUR = 3600 * 1000;

// Sessions are written in raw statements: their times must read back as Prisma writes them
// (UTC), whatever zone the database session runs in.
const database = useTestDatabase({ timezone: 'America/Sao_Paulo' });

/** `pairs` pairs of members with an open request each, in a workspace of their own. */
async function seedPairs(team: string, pairs: number) {
  const workspace = await database.db.workspace.create({ data: { slackTeamId: team } });
  const members = Array.from({ length: pairs * 2 }, (_, i) => ({
    id: crypto.randomUUID(),
    workspaceId: workspace.id,
    slackUserId: `${team}U${i}`,
  }));
  await database.db.member.createMany({ data: members });
  const requests = members.map((member) => ({
    id: crypto.randomUUID(),
    workspaceId: workspace.id,
    memberId: member.id,
    openForMemberId: member.id,
    interviewTypes: ['behavioural'],
    level: 'SENIOR',
    role: 'BOTH' as const,
    durationMinutes: 30,
    availability: { weekly: [], slots: [] },
    timezone: 'Europe/London',
    expiresAt: new Date(NOW.getTime() + 7 * 24 * HOUR),
  }));
  await database.db.partnerRequest.createMany({ data: requests });
  const sessions: SessionToCreate[] = Array.from({ length: pairs }, (_, i) => {
    const now = i % 2 === 0;
    const startsAt = new Date(NOW.getTime() + (now ? 2_000 : (i + 2) * HOUR));
    return {
      interviewType: 'behavioural',
      status: now ? 'CONFIRMED' : 'PROPOSED',
      startsAt,
      proposedSlots: now ? [startsAt] : [startsAt, new Date(startsAt.getTime() + HOUR)],
      durationMinutes: 30,
      reason: `pair ${i}`,
      participants: [0, 1].map((k) => ({
        requestId: requests[i * 2 + k]!.id,
        memberId: members[i * 2 + k]!.id,
        interviewsFirst: k === 0,
      })),
    };
  });
  return { workspaceId: workspace.id, sessions };
}

/** Records a run of `pairs` sessions the way the match-pool job does; the statements it sent. */
async function recordRun(team: string, pairs: number) {
  const { workspaceId, sessions } = await seedPairs(team, pairs);
  const timing = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-unused', MOCKINGBIRD_ROLES: 'worker' }).sessions;
  database.statements.length = 0;
  const sessionIds = await database.db.$transaction(async (tx) => {
    const ids = await recordMatchRun(tx, {
      workspaceId,
      trigger: 'sweep',
      input: { pool: team, note: 'quotes " and \\ and ✓' },
      durationMs: 1,
      sessions,
      leftOutRequestIds: [],
      now: NOW,
    });
    await writeFollowUps(tx, await sessionsCreatedEntries(tx, ids, { now: NOW, timing, requestTtlMs: HOUR }));
    return ids;
  });
  return { sent: database.statements.length, sessions, sessionIds };
}

it('recording 200 sessions takes no more statements than recording 20', async () => {
  const small = await recordRun('T0SMALL', 20);
  const large = await recordRun('T0LARGE', 200);

  // One per session (or more) would be ~10 times as many; a chunk holds far more than 200 rows.
  expect({ small: small.sent, large: large.sent }).toEqual({ small: small.sent, large: small.sent });
  expect(small.sent).toBeLessThan(20);
});

it('the sessions are stored as planned and their ids come back in the planned order', async () => {
  const { sessions, sessionIds } = await recordRun('T0ORDER', 6);

  const rows = await database.db.session.findMany({
    where: { id: { in: sessionIds } },
    include: { participants: { orderBy: { interviewsFirst: 'desc' } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  sessions.forEach((planned, i) => {
    const row = byId.get(sessionIds[i]!)!;
    const confirmedAt = planned.status === 'CONFIRMED' ? NOW : null;
    expect(row).toMatchObject({
      reason: planned.reason,
      status: planned.status,
      startsAt: planned.startsAt,
      proposedSlots: planned.proposedSlots,
      proposedAt: NOW,
      confirmedAt,
      version: 0,
    });
    expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(row.updatedAt).toEqual(row.createdAt);
    expect(row.participants.map((p) => [p.requestId, p.memberId, p.interviewsFirst, p.confirmedAt])).toEqual(
      planned.participants.map((p) => [p.requestId, p.memberId, p.interviewsFirst, confirmedAt]),
    );
  });
  const run = await database.db.matchRun.findUniqueOrThrow({ where: { id: rows[0]!.matchRunId! } });
  expect(run).toMatchObject({ trigger: 'sweep', seed: 0, pairs: 6, unmatched: 0, durationMs: 1 });
  expect(run.input).toEqual({ pool: 'T0ORDER', note: 'quotes " and \\ and ✓' });
  expect(Math.abs(run.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  const requests = await database.db.partnerRequest.findMany({
    where: { id: { in: sessions.flatMap((s) => s.participants.map((p) => p.requestId)) } },
  });
  expect(requests.every((r) => r.status === 'MATCHED' && r.openForMemberId === null)).toBe(true);
});
