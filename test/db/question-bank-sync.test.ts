import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/domain/question-bank/question-schema.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { findActiveQuestions, syncBuiltInQuestions } from '../../src/store/question-bank.ts';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';

// The built-in bank mirrored into PostgreSQL at start-up: the files are the truth, rows are kept
// (retired, not deleted) because sessions will point at them.

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(async () => {
  await db.question.deleteMany();
  await db.workspace.deleteMany();
});

function aQuestion(id: string, overrides: Partial<BankQuestion> = {}): BankQuestion {
  return {
    id,
    type: 'product-sense',
    topic: 'design',
    levels: ['PM', 'SENIOR'],
    text: `Design a grocery-ordering experience for people over 75 who live alone (${id}).`,
    followUps: [
      'Which of these users would you build for first, and why them?',
      'How would you know in month one that it is working?',
    ],
    rubricHints: ['Picks one segment and justifies it'],
    hint: 'CIRCLES works well: clarify who the user is, list their needs, rank them, then go wide.',
    ...overrides,
  };
}

const BANK = [
  aQuestion('ps-one'),
  aQuestion('ps-two'),
  aQuestion('ps-three'),
  aQuestion('ex-one', { type: 'execution' }),
];

async function builtIns() {
  return db.question.findMany({ where: { workspaceId: null }, orderBy: { slug: 'asc' } });
}

describe('syncBuiltInQuestions', () => {
  it('creates the bank once; a second run with the same files changes nothing', async () => {
    expect(await syncBuiltInQuestions(db, BANK)).toEqual({
      created: 4,
      updated: 0,
      retired: 0,
      unchanged: 0,
    });
    const before = await builtIns();

    expect(await syncBuiltInQuestions(db, BANK)).toEqual({
      created: 0,
      updated: 0,
      retired: 0,
      unchanged: 4,
    });

    expect(await builtIns()).toEqual(before);
    expect(before.map((row) => [row.slug, row.source, row.retiredAt])).toEqual([
      ['ex-one', 'BUILT_IN', null],
      ['ps-one', 'BUILT_IN', null],
      ['ps-three', 'BUILT_IN', null],
      ['ps-two', 'BUILT_IN', null],
    ]);
  });

  it('updates the row of an edited question in place', async () => {
    await syncBuiltInQuestions(db, BANK);
    const [original] = await db.question.findMany({ where: { slug: 'ps-two' } });
    const edited = BANK.map((question) =>
      question.id === 'ps-two'
        ? { ...question, text: `${question.text} Assume a tight budget.`, levels: ['SENIOR' as const] }
        : question,
    );

    expect(await syncBuiltInQuestions(db, edited)).toEqual({
      created: 0,
      updated: 1,
      retired: 0,
      unchanged: 3,
    });

    const rows = await db.question.findMany({ where: { slug: 'ps-two' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: original?.id,
      text: expect.stringMatching(/tight budget\.$/),
      levels: ['SENIOR'],
    });
  });

  it('stores role-play directions for the interviewer, and an edit to them is an update', async () => {
    const scenario = aQuestion('ps-role', {
      rolePlayNotes: ['Stay vague until they ask for a recent example, then give one.'],
    });
    await syncBuiltInQuestions(db, [...BANK, scenario]);
    const [stored] = await findActiveQuestions(db, { workspaceId: null, type: 'product-sense' }).then(
      (rows) => rows.filter((row) => row.slug === 'ps-role'),
    );
    expect(stored?.rolePlayNotes).toEqual(['Stay vague until they ask for a recent example, then give one.']);
    // Questions without directions read back with none.
    expect(
      (await findActiveQuestions(db, { workspaceId: null, type: 'execution' }))[0]?.rolePlayNotes,
    ).toEqual([]);

    const changed = {
      ...scenario,
      rolePlayNotes: ['Admit the roadmap slipped, but only if asked about dates.'],
    };
    expect(await syncBuiltInQuestions(db, [...BANK, changed])).toEqual({
      created: 0,
      updated: 1,
      retired: 0,
      unchanged: 4,
    });
    expect(await syncBuiltInQuestions(db, [...BANK, changed])).toMatchObject({ updated: 0, unchanged: 5 });
  });

  it('retires a question removed from the files, and brings the same row back when it returns', async () => {
    await syncBuiltInQuestions(db, BANK);
    const [original] = await db.question.findMany({ where: { slug: 'ps-three' } });
    const removedAt = new Date('2026-11-23T12:00:00Z');

    expect(
      await syncBuiltInQuestions(
        db,
        BANK.filter((question) => question.id !== 'ps-three'),
        { now: removedAt },
      ),
    ).toEqual({ created: 0, updated: 0, retired: 1, unchanged: 3 });
    expect(await db.question.findUnique({ where: { id: original!.id } })).toMatchObject({
      retiredAt: removedAt,
    });
    const active = await findActiveQuestions(db, { workspaceId: null, type: 'product-sense' });
    expect(active.map((question) => question.slug)).toEqual(['ps-one', 'ps-two']);
    // Still gone on the next run: nothing to retire twice.
    expect(
      await syncBuiltInQuestions(
        db,
        BANK.filter((question) => question.id !== 'ps-three'),
      ),
    ).toEqual({
      created: 0,
      updated: 0,
      retired: 0,
      unchanged: 3,
    });

    expect(await syncBuiltInQuestions(db, BANK)).toEqual({
      created: 0,
      updated: 1,
      retired: 0,
      unchanged: 3,
    });

    expect(await db.question.findMany({ where: { slug: 'ps-three' } })).toEqual([
      expect.objectContaining({ id: original!.id, retiredAt: null }),
    ]);
  });

  it('leaves workspace questions alone, even one sharing a built-in’s slug', async () => {
    const workspace = await db.workspace.create({ data: { slackTeamId: 'T0BANK' } });
    const other = await db.workspace.create({ data: { slackTeamId: 'T0OTHER' } });
    const own = await db.question.create({
      data: {
        ...content(aQuestion('ps-one', { text: 'Our own version of the grocery prompt, for our team.' })),
        workspaceId: workspace.id,
        source: 'WORKSPACE',
      },
    });
    await syncBuiltInQuestions(db, BANK);

    expect(await syncBuiltInQuestions(db, [aQuestion('ps-two')])).toEqual({
      created: 0,
      updated: 0,
      retired: 3,
      unchanged: 1,
    });

    expect(await db.question.findUnique({ where: { id: own.id } })).toEqual(own);
    const forWorkspace = await findActiveQuestions(db, { workspaceId: workspace.id, type: 'product-sense' });
    expect(forWorkspace.map((question) => [question.slug, question.source])).toEqual([
      ['ps-one', 'WORKSPACE'],
      ['ps-two', 'BUILT_IN'],
    ]);
    const forOther = await findActiveQuestions(db, { workspaceId: other.id, type: 'product-sense' });
    expect(forOther.map((question) => [question.slug, question.source])).toEqual([['ps-two', 'BUILT_IN']]);
  });

  it('creates each question once when two processes sync at the same time', async () => {
    const second = createDatabase(database.url, { poolSize: 2 });
    try {
      const results = await Promise.all([syncBuiltInQuestions(db, BANK), syncBuiltInQuestions(second, BANK)]);

      expect(results.map((result) => result.created).sort()).toEqual([0, 4]);
      expect(await builtIns()).toHaveLength(4);
    } finally {
      await second.$disconnect();
    }
  });

  it('refuses a bank that names a question twice', async () => {
    await expect(syncBuiltInQuestions(db, [aQuestion('ps-one'), aQuestion('ps-one')])).rejects.toThrow(
      /"ps-one" appears twice/,
    );
    expect(await builtIns()).toEqual([]);
  });
});

// The migration's hand-written parts, which the drift check cannot see.
describe('the Question table', () => {
  it('keeps built-in slugs unique although their workspaceId is null (NULLS NOT DISTINCT)', async () => {
    await db.question.create({ data: { ...content(aQuestion('ps-one')), source: 'BUILT_IN' } });

    await expect(
      db.question.create({ data: { ...content(aQuestion('ps-one')), source: 'BUILT_IN' } }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it('ties the source to the workspace', async () => {
    const workspace = await db.workspace.create({ data: { slackTeamId: 'T0CHECK' } });

    await expect(
      db.question.create({ data: { ...content(aQuestion('ps-one')), source: 'WORKSPACE' } }),
    ).rejects.toThrow(/Question_source_workspace_check/);
    await expect(
      db.question.create({
        data: { ...content(aQuestion('ps-two')), workspaceId: workspace.id, source: 'BUILT_IN' },
      }),
    ).rejects.toThrow(/Question_source_workspace_check/);
  });
});

function content(question: BankQuestion) {
  const { id, ...rest } = question;
  return { ...rest, slug: id };
}
