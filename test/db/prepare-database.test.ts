import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';
import { prepareDatabase } from '../../src/prepare-database.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';

// Start-up's database step, per role: every process migrates; only one that runs jobs reads the
// question bank and syncs it, so a web process does not carry the bank for its whole life.

let database: TestDatabase;
let db: Database;
const silent = createLogger('silent');
const builtIns = () => db.question.count({ where: { workspaceId: null } });

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url);
  await db.question.deleteMany();
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('prepareDatabase', () => {
  it('leaves the question bank alone for a web-only process', async () => {
    await prepareDatabase(database.url, silent, { syncQuestionBank: false });

    expect(await builtIns()).toBe(0);
  });

  it('syncs the question bank by default, as a worker does', async () => {
    await prepareDatabase(database.url, silent);

    expect(await builtIns()).toBeGreaterThan(100);
  });
});
