import { LEVELS, type Level } from '../domain/matching/types.ts';
import type { BankQuestion } from '../domain/question-bank/question-schema.ts';
import { isUuid } from '../domain/uuid.ts';
import type { Question } from '../generated/prisma/client.ts';
import { type DirectStatement, selectRows } from './direct-sql.ts';
import type { Database } from './prisma.ts';
import { contentOf, sameContent } from './question-rows.ts';

/**
 * The question bank in PostgreSQL: the built-ins mirrored from content/questions, plus each
 * workspace's own questions. Rows are retired, never deleted, because sessions will refer to the
 * question they used long after it leaves the files.
 */

export interface SyncCounts {
  created: number;
  /** Changed content, or a retired question that is back in the files. */
  updated: number;
  retired: number;
  unchanged: number;
}

export interface StoredQuestion {
  /** The row's uuid: what a session stores. */
  id: string;
  /** The file's or import's id, e.g. `ps-design-grocery-elderly`. */
  slug: string;
  /** Null for a built-in. */
  workspaceId: string | null;
  source: 'BUILT_IN' | 'WORKSPACE';
  type: string;
  topic: string;
  levels: Level[];
  text: string;
  followUps: string[];
  rubricHints: string[];
  hint: string;
  /** Directions for an interviewer who plays a part; shown to the interviewer only. Often empty. */
  rolePlayNotes: string[];
}

// Web and worker roles may start together and both sync: they queue on this lock, and the second
// finds nothing to do. The unique (workspaceId, slug) index backs it up.
const SYNC_LOCK = 'question-bank:built-in';

/**
 * Makes the built-in rows match `questions` (the validated files), in one transaction: new ids are
 * created, changed ones updated, ids gone from the files retired, returning ones un-retired.
 * Running it again with the same files changes nothing, so it is safe at every start-up.
 */
export async function syncBuiltInQuestions(
  db: Database,
  questions: readonly BankQuestion[],
  options: { now?: Date } = {},
): Promise<SyncCounts> {
  const slugs = new Set<string>();
  for (const question of questions) {
    if (slugs.has(question.id)) throw new Error(`question id "${question.id}" appears twice in the bank`);
    slugs.add(question.id);
  }
  const now = options.now ?? new Date();

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${SYNC_LOCK}, 0))`;
      const existing = new Map(
        (await tx.question.findMany({ where: { workspaceId: null } })).map((row) => [row.slug, row]),
      );
      const counts: SyncCounts = { created: 0, updated: 0, retired: 0, unchanged: 0 };
      const toCreate: ReturnType<typeof contentOf>[] = [];

      for (const question of questions) {
        const content = contentOf(question);
        const row = existing.get(question.id);
        if (!row) toCreate.push(content);
        else if (row.retiredAt === null && sameContent(row, content)) counts.unchanged += 1;
        else {
          // Only changed rows are written, so updatedAt says when the content last changed.
          await tx.question.update({ where: { id: row.id }, data: { ...content, retiredAt: null } });
          counts.updated += 1;
        }
      }
      if (toCreate.length > 0) {
        const { count } = await tx.question.createMany({
          data: toCreate.map((content) => ({ ...content, workspaceId: null, source: 'BUILT_IN' as const })),
        });
        counts.created = count;
      }
      const gone = [...existing.values()]
        .filter((row) => row.retiredAt === null && !slugs.has(row.slug))
        .map((row) => row.id);
      if (gone.length > 0) {
        const { count } = await tx.question.updateMany({
          where: { id: { in: gone } },
          data: { retiredAt: now },
        });
        counts.retired = count;
      }
      return counts;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/**
 * The questions a session of `type` may use in a workspace: the built-ins and the workspace's own,
 * none retired. Pass `workspaceId: null` for the built-ins alone.
 */
export async function findActiveQuestions(
  db: Database,
  filter: { workspaceId: string | null; type: string },
): Promise<StoredQuestion[]> {
  const rows = await db.question.findMany({
    where: {
      type: filter.type,
      retiredAt: null,
      OR:
        filter.workspaceId === null
          ? [{ workspaceId: null }]
          : [{ workspaceId: null }, { workspaceId: filter.workspaceId }],
    },
    orderBy: [{ slug: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toStoredQuestion);
}

/** The columns a StoredQuestion is made from. */
type StoredQuestionColumns = Pick<
  Question,
  | 'id'
  | 'slug'
  | 'workspaceId'
  | 'source'
  | 'type'
  | 'topic'
  | 'levels'
  | 'text'
  | 'followUps'
  | 'rubricHints'
  | 'hint'
  | 'rolePlayNotes'
>;

export function toStoredQuestion(row: StoredQuestionColumns): StoredQuestion {
  return {
    id: row.id,
    slug: row.slug,
    workspaceId: row.workspaceId,
    source: row.source,
    type: row.type,
    topic: row.topic,
    // Written only from validated questions; the filter keeps the type honest without a cast.
    levels: row.levels.filter((level): level is Level => (LEVELS as readonly string[]).includes(level)),
    text: row.text,
    followUps: row.followUps,
    rubricHints: row.rubricHints,
    hint: row.hint,
    rolePlayNotes: row.rolePlayNotes,
  };
}

/**
 * One question by its row id as a workspace may see it: a built-in, or one of that workspace's own
 * (retired or not). Ids arrive in button values a member can forge; looked up by id alone, another
 * workspace's private question and hint would be readable.
 */
export async function findQuestionForTeam(
  db: Database,
  id: string,
  slackTeamId: string,
): Promise<StoredQuestion | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectRows<StoredQuestionColumns>(db, QUESTION_FOR_TEAM, [id, slackTeamId]);
  return row ? toStoredQuestion(row) : null;
}

/** A direct read (direct-sql.ts says why): every press of a daily question's button makes it. */
const QUESTION_FOR_TEAM: DirectStatement = {
  name: 'question-for-team',
  text: `
    SELECT q."id", q."slug", q."workspaceId", q."source", q."type", q."topic", q."levels", q."text",
      q."followUps", q."rubricHints", q."hint", q."rolePlayNotes"
    FROM "Question" q LEFT JOIN "Workspace" w ON w."id" = q."workspaceId"
    WHERE q."id" = $1::uuid AND (q."workspaceId" IS NULL OR w."slackTeamId" = $2)`,
};

/** One question by its row id, retired or not (a post or session may point at a retired one). */
export async function findQuestionById(db: Database, id: string): Promise<StoredQuestion | null> {
  const row = await db.question.findUnique({ where: { id } });
  return row ? toStoredQuestion(row) : null;
}
