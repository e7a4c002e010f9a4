import { afterAll, beforeAll } from 'vitest';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface DatabaseUnderTest {
  /** The client, from the file's first test on. */
  readonly db: Database;
  /** Every statement the client has sent, as it left (count round trips by clearing it first). */
  readonly statements: string[];
}

/**
 * A database of the test file's own, cloned from the migrated template before its tests and
 * dropped after them, with a client on it that records what it sends. `timezone` sets the zone
 * the database's sessions run in, for statements that must store UTC whatever it is.
 */
export function useTestDatabase(options: { timezone?: string } = {}): DatabaseUnderTest {
  let database: TestDatabase | undefined;
  let db: Database | undefined;
  const statements: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(options);
    db = createDatabase(database.url, { onStatement: (sql) => statements.push(sql) });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('the test database is made in beforeAll: use it inside a test or hook');
      return db;
    },
    statements,
  };
}

/**
 * Runs `work` with this process in `zone` (Node reads TZ afresh whenever it is set): a host far
 * from UTC is where a timestamp read or written in local time shows.
 */
export async function inProcessTimeZone<T>(zone: string, work: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
