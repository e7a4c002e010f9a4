import { afterAll, beforeAll, expect, it } from 'vitest';
import { MATCH_RUN_INPUT_RETENTION_MS, recordMatchRun } from '../../src/store/matching-pool.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase } from '../harness/database.ts';

/**
 * A matching run's input names the members in the pool with their level, times, timezone offset
 * and types. It is kept for replaying recent runs only: recording a run empties the inputs of the
 * workspace's runs older than the retention limit (their counts stay).
 */
const DAY = 24 * 3600 * 1000;
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

it('inputs older than the retention limit are emptied when a run is recorded', async () => {
  const workspace = await db.workspace.create({ data: { slackTeamId: 'T0KEEP' } });
  const input = { requests: [{ memberId: 'm-1', level: 'SENIOR', timezoneOffsetMinutes: 60 }] };
  const run = (daysAgo: number) =>
    db.matchRun.create({
      data: {
        workspaceId: workspace.id,
        trigger: 'sweep',
        seed: 0,
        input,
        pairs: 1,
        unmatched: 0,
        durationMs: 3,
        createdAt: new Date(NOW.getTime() - daysAgo * DAY),
      },
    });
  const old = await run(MATCH_RUN_INPUT_RETENTION_MS / DAY + 1);
  const recent = await run(1);

  await db.$transaction((tx) =>
    recordMatchRun(tx, {
      workspaceId: workspace.id,
      trigger: 'sweep',
      input,
      durationMs: 1,
      sessions: [],
      leftOutRequestIds: [],
      now: NOW,
    }),
  );

  expect((await db.matchRun.findUniqueOrThrow({ where: { id: old.id } })).input).toEqual({});
  expect((await db.matchRun.findUniqueOrThrow({ where: { id: old.id } })).pairs).toBe(1);
  expect((await db.matchRun.findUniqueOrThrow({ where: { id: recent.id } })).input).toEqual(input);
  expect(MATCH_RUN_INPUT_RETENTION_MS).toBe(30 * DAY);
});
