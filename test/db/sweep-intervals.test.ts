import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobContext } from '../../jobs/job-context.ts';
import { sweepPools } from '../../jobs/sweep-pools.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase } from '../harness/database.ts';

/**
 * The sweep scheduler ticks every 5 minutes; each tick sweeps only the pools whose own interval
 * (the organizer setting, else MATCH_SWEEP_INTERVAL_SECONDS, 15 minutes here) has passed since
 * their last sweep run.
 */
const MINUTE = 60_000;
const NOW = new Date('2026-11-23T12:00:00Z');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

/** A workspace with one open request, its own interval (or none), and a sweep run some minutes ago. */
async function workspace(team: string, sweep: { every: number | null; lastMinutesAgo: number | null }) {
  const created = await db.workspace.create({ data: { slackTeamId: team } });
  const member = await db.member.create({ data: { workspaceId: created.id, slackUserId: `U${team}` } });
  await db.partnerRequest.create({
    data: {
      workspaceId: created.id,
      memberId: member.id,
      openForMemberId: member.id,
      interviewTypes: ['execution'],
      level: 'PM',
      role: 'BOTH',
      durationMinutes: 45,
      availability: { now: { now: true } },
      timezone: 'Europe/London',
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    },
  });
  if (sweep.every !== null) {
    await db.workspaceSettings.create({
      data: { workspaceId: created.id, sweepIntervalMinutes: sweep.every },
    });
  }
  if (sweep.lastMinutesAgo !== null) {
    const at = new Date(NOW.getTime() - sweep.lastMinutesAgo * MINUTE);
    // A new-request run in between is not a sweep and does not count.
    for (const trigger of ['sweep', 'new-request']) {
      await db.matchRun.create({
        data: {
          workspaceId: created.id,
          trigger,
          seed: 0,
          input: {},
          pairs: 0,
          unmatched: 0,
          durationMs: 1,
          createdAt: trigger === 'sweep' ? at : NOW,
        },
      });
    }
  }
  return created.id;
}

it('sweeps each pool on its own interval, on a 5-minute tick', async () => {
  const due = {
    neverSwept: await workspace('T0NEVER', { every: null, lastMinutesAgo: null }),
    defaultPassed: await workspace('T0DEFAULT', { every: null, lastMinutesAgo: 15 }),
    hourlyPassed: await workspace('T0HOURLY', { every: 60, lastMinutesAgo: 59 }),
    everyTick: await workspace('T0TICK', { every: 5, lastMinutesAgo: 1 }),
  };
  const notDue = {
    defaultRecent: await workspace('T0RECENT', { every: null, lastMinutesAgo: 5 }),
    hourlyRecent: await workspace('T0HALF', { every: 60, lastMinutesAgo: 30 }),
  };
  const context = {
    db,
    now: () => NOW,
    config: { matching: { sweepIntervalMs: 15 * MINUTE } },
  } as unknown as JobContext;

  await sweepPools({}, context);

  // The runs it asks for are in the outbox, for the relay to queue.
  const enqueued = (await db.outboxEntry.findMany({ orderBy: { id: 'asc' } })).map((row) => ({
    name: row.jobName,
    payload: row.payload,
  }));
  expect(enqueued.every((job) => job.name === 'match-pool')).toBe(true);
  const swept = enqueued.map((job) => (job.payload as { workspaceId: string }).workspaceId).sort();
  expect(swept).toEqual(Object.values(due).sort());
  for (const id of Object.values(notDue)) expect(swept).not.toContain(id);
  expect(enqueued.map((job) => job.payload)).toContainEqual({ workspaceId: due.everyTick, trigger: 'sweep' });
});
