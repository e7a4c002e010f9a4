import type { BankQuestion } from '../domain/question-bank/question-schema.ts';
import type { Question } from '../generated/prisma/client.ts';
import type { Database } from './prisma.ts';
import { type StoredQuestion, toStoredQuestion } from './question-bank.ts';
import { contentOf, sameContent } from './question-rows.ts';

/**
 * A workspace's own questions, beside the built-in bank (store/question-bank.ts): organizers add,
 * edit, retire and import them. Every function takes the workspace and touches only its rows, so
 * a question id from a forged request can never reach a built-in or another workspace's question.
 * Sessions, `/mock question` and the daily question find them through findActiveQuestions.
 */

export interface WorkspaceQuestion extends StoredQuestion {
  retiredAt: Date | null;
  createdAt: Date;
}

export interface WorkspaceQuestionPage {
  questions: WorkspaceQuestion[];
  /** All of the workspace's questions, retired included. */
  total: number;
  active: number;
}

/** A stable order, newest first, so a new question is at the top and nothing moves on edit. */
const LIST_ORDER = [{ createdAt: 'desc' as const }, { id: 'asc' as const }];

export async function listWorkspaceQuestions(
  db: Database,
  workspaceId: string,
  page: { offset: number; limit: number },
): Promise<WorkspaceQuestionPage> {
  const [rows, total, active] = await Promise.all([
    db.question.findMany({
      where: { workspaceId },
      orderBy: LIST_ORDER,
      skip: page.offset,
      take: page.limit,
    }),
    db.question.count({ where: { workspaceId } }),
    db.question.count({ where: { workspaceId, retiredAt: null } }),
  ]);
  return { questions: rows.map(toWorkspaceQuestion), total, active };
}

export async function countActiveBuiltInQuestions(db: Database): Promise<number> {
  return db.question.count({ where: { workspaceId: null, retiredAt: null } });
}

export type QuestionOwnership =
  | { kind: 'own'; question: WorkspaceQuestion }
  | { kind: 'built-in' }
  /** No such question, or another workspace's: the caller may not learn which. */
  | { kind: 'unknown' };

/** Whether `questionId` is one of this workspace's own questions, which its organizers may change. */
export async function findQuestionOwnership(
  db: Database,
  workspaceId: string,
  questionId: string,
): Promise<QuestionOwnership> {
  const row = await db.question.findUnique({ where: { id: questionId } });
  if (!row) return { kind: 'unknown' };
  if (row.workspaceId === null) return { kind: 'built-in' };
  if (row.workspaceId !== workspaceId) return { kind: 'unknown' };
  return { kind: 'own', question: toWorkspaceQuestion(row) };
}

export interface QuestionIds {
  /** Every built-in id, retired ones included. */
  builtIn: Set<string>;
  /** The workspace's own questions, retired ones included: an id is never reused. */
  own: { slug: string; type: string; text: string }[];
}

/** The ids a new question must avoid, and what a text-only import row may turn out to be. */
export async function findQuestionIds(db: Database, workspaceId: string): Promise<QuestionIds> {
  const rows = await db.question.findMany({
    where: { OR: [{ workspaceId: null }, { workspaceId }] },
    select: { slug: true, type: true, text: true, workspaceId: true },
  });
  return {
    builtIn: new Set(rows.filter((row) => row.workspaceId === null).map((row) => row.slug)),
    own: rows.filter((row) => row.workspaceId !== null),
  };
}

/** Thrown when a new question's id was taken between choosing it and saving it. */
export class QuestionSlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`question id ${slug} is already used in this workspace`);
    this.name = 'QuestionSlugTakenError';
  }
}

export async function addWorkspaceQuestion(
  db: Database,
  workspaceId: string,
  question: BankQuestion,
): Promise<WorkspaceQuestion> {
  try {
    const row = await db.question.create({
      data: { ...contentOf(question), workspaceId, source: 'WORKSPACE' },
    });
    return toWorkspaceQuestion(row);
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new QuestionSlugTakenError(question.id);
    throw error;
  }
}

/** Replaces an own question's content; null when it is not this workspace's. */
export async function updateWorkspaceQuestion(
  db: Database,
  workspaceId: string,
  questionId: string,
  question: BankQuestion,
): Promise<WorkspaceQuestion | null> {
  try {
    const { count } = await db.question.updateMany({
      where: { id: questionId, workspaceId },
      data: contentOf(question),
    });
    if (count === 0) return null;
  } catch (error) {
    // The type changed, and with it the id, to one another question took in the meantime.
    if ((error as { code?: string }).code === 'P2002') throw new QuestionSlugTakenError(question.id);
    throw error;
  }
  return findOwn(db, workspaceId, questionId);
}

/** Retires (`at` a moment) or restores (`null`) an own question; null when it is not this workspace's. */
export async function setWorkspaceQuestionRetired(
  db: Database,
  workspaceId: string,
  questionId: string,
  at: Date | null,
): Promise<WorkspaceQuestion | null> {
  // Retiring twice keeps the first date: it says since when the question has been out.
  const { count } = await db.question.updateMany({
    where: { id: questionId, workspaceId, ...(at ? { retiredAt: null } : {}) },
    data: { retiredAt: at },
  });
  if (count === 0 && at === null) return null;
  return findOwn(db, workspaceId, questionId);
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportedQuestion {
  slug: string;
  outcome: ImportOutcome;
  /** The workspace had retired it; an import changes its content but does not bring it back. */
  retired: boolean;
}

/**
 * Upserts validated questions by id within the workspace, in one transaction: new ids are created,
 * changed ones updated, identical ones left alone, so importing the same text twice changes
 * nothing. A retired question stays retired: an organizer withdrew it on purpose, and a re-import
 * of an old file should not undo that (the list's "Restore" does).
 */
export async function importWorkspaceQuestions(
  db: Database,
  workspaceId: string,
  questions: readonly BankQuestion[],
): Promise<ImportedQuestion[]> {
  if (questions.length === 0) return [];
  return db.$transaction(
    async (tx) => {
      // Two organizers importing at once queue here rather than race for the same ids.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`question-import:${workspaceId}`}, 0))`;
      const existing = new Map(
        (
          await tx.question.findMany({
            where: { workspaceId, slug: { in: questions.map((question) => question.id) } },
          })
        ).map((row) => [row.slug, row]),
      );
      const results: ImportedQuestion[] = [];
      for (const question of questions) {
        const content = contentOf(question);
        const row = existing.get(question.id);
        if (!row) {
          await tx.question.create({ data: { ...content, workspaceId, source: 'WORKSPACE' } });
          results.push({ slug: question.id, outcome: 'created', retired: false });
        } else if (sameContent(row, content)) {
          results.push({ slug: question.id, outcome: 'unchanged', retired: row.retiredAt !== null });
        } else {
          await tx.question.update({ where: { id: row.id }, data: content });
          results.push({ slug: question.id, outcome: 'updated', retired: row.retiredAt !== null });
        }
      }
      return results;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

// ---------------------------------------------------------------------------------------------

async function findOwn(
  db: Database,
  workspaceId: string,
  questionId: string,
): Promise<WorkspaceQuestion | null> {
  const row = await db.question.findFirst({ where: { id: questionId, workspaceId } });
  return row ? toWorkspaceQuestion(row) : null;
}

function toWorkspaceQuestion(row: Question): WorkspaceQuestion {
  return { ...toStoredQuestion(row), retiredAt: row.retiredAt, createdAt: row.createdAt };
}
