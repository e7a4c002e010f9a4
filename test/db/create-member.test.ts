import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, findMember } from '../../src/store/members.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';

// A newcomer's row is written in one raw statement: its times must read back as Prisma writes
// them (UTC), whatever zone the database session runs in, and a second first contact racing the
// first must find one row, not make two.
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase({ timezone: 'America/New_York' });
  db = createDatabase(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('createMember', () => {
  it('stores the Slack profile’s time as UTC in a session on another clock', async () => {
    const syncedAt = new Date('2026-12-06T10:15:30.123Z');
    const ref = { slackTeamId: 'T0ZONE', slackUserId: 'U0ZONE' };

    const created = await createMember(db, ref, { timezone: 'Asia/Tokyo', syncedAt });

    expect(created.profileSyncedAt).toEqual(syncedAt);
    const row = await db.member.findFirstOrThrow({ where: { slackUserId: 'U0ZONE' } });
    expect(row.profileSyncedAt).toEqual(syncedAt);
    expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(row.timezone).toBe('Asia/Tokyo');
  });

  it('gives concurrent first contacts one workspace and one member', async () => {
    const ref = { slackTeamId: 'T0RACE', slackUserId: 'U0RACE' };

    const made = await Promise.all(Array.from({ length: 8 }, () => createMember(db, ref, null)));

    expect(new Set(made.map((member) => member.id)).size).toBe(1);
    expect(await db.workspace.count({ where: { slackTeamId: 'T0RACE' } })).toBe(1);
    expect((await findMember(db, ref))?.id).toBe(made[0]!.id);
  });
});
