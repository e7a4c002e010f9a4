import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeOutbox } from '../../src/store/outbox.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';

// Follow-ups are written in one raw statement, rows as one JSON parameter: they must read back as
// Prisma wrote them (UTC times whatever the session's zone, a null payload as SQL NULL) and keep
// their order, which the relay follows.
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase({ timezone: 'Pacific/Auckland' });
  db = createDatabase(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

it('stores each row as given, in order, with times in UTC in a session on another clock', async () => {
  const runAt = new Date('2026-12-06T23:30:00.250Z');
  const before = Date.now();

  await db.$transaction((tx) =>
    writeOutbox(tx, [
      {
        action: 'enqueue',
        jobName: 'session-reminder',
        jobId: 'session-a-v1-reminder-900s',
        payload: { sessionId: 'a', version: 1, note: 'quotes " and \\ and 🎉' },
        runAt,
      },
      {
        action: 'remove',
        jobName: 'session-reminder',
        jobId: 'session-a-v0-reminder-900s',
        payload: null,
        runAt: null,
      },
      {
        action: 'enqueue',
        jobName: 'publish-home',
        jobId: 'home-U1',
        payload: { list: [1, 2] },
        runAt: null,
      },
    ]),
  );

  const rows = await db.outboxEntry.findMany({ orderBy: { id: 'asc' } });
  expect(rows.map((row) => [row.action, row.jobId, row.payload, row.runAt])).toEqual([
    [
      'enqueue',
      'session-a-v1-reminder-900s',
      { sessionId: 'a', version: 1, note: 'quotes " and \\ and 🎉' },
      runAt,
    ],
    ['remove', 'session-a-v0-reminder-900s', null, null],
    ['enqueue', 'home-U1', { list: [1, 2] }, null],
  ]);
  // SQL NULL, not the JSON value null (both read back as null through Prisma).
  const [sqlNulls] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM "OutboxEntry" WHERE payload IS NULL`;
  expect(sqlNulls?.count).toBe(1);
  for (const row of rows) {
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(row.relayedAt).toBeNull();
  }
});

it('writes thousands of rows in one statement, in order', async () => {
  await db.outboxEntry.deleteMany();
  const rows = Array.from({ length: 5_000 }, (_, index) => ({
    action: 'enqueue' as const,
    jobName: 'session-reminder',
    jobId: `bulk-${index}`,
    payload: { index },
    runAt: new Date(Date.UTC(2026, 11, 7, 9, 0, 0, index)),
  }));

  await db.$transaction((tx) => writeOutbox(tx, rows));

  const stored = await db.outboxEntry.findMany({
    orderBy: { id: 'asc' },
    select: { jobId: true, runAt: true },
  });
  expect(stored.map((row) => row.jobId)).toEqual(rows.map((row) => row.jobId));
  expect(stored.at(-1)?.runAt).toEqual(rows.at(-1)?.runAt);
});
