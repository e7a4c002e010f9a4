import { applyMigrations } from '../prisma/apply-migrations.ts';
import { loadBank } from './domain/question-bank/load-bank.ts';
import type { Logger } from './observability/logger.ts';
import { createDatabase } from './store/prisma.ts';
import { syncBuiltInQuestions } from './store/question-bank.ts';

/**
 * Brings the database up to what this version of the code expects: the schema (migrations), then
 * the built-in question bank from content/ (edited files update their rows, removed ones retire).
 * Runs before any role starts; an invalid bank stops start-up with a report of every problem.
 *
 * A process that runs only the web role leaves the bank to the workers (`syncQuestionBank:
 * false`): every question a member sees is read from PostgreSQL, and reading, checking and syncing
 * the bank costs a web process about 35 MB it would keep for its whole life (measured with
 * `npm run bench:memory`).
 */
export async function prepareDatabase(
  databaseUrl: string,
  logger: Logger,
  options: { syncQuestionBank: boolean } = { syncQuestionBank: true },
): Promise<void> {
  const { applied } = await applyMigrations(databaseUrl, { logger });
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  if (!options.syncQuestionBank) return;
  const bank = await loadBank();
  const db = createDatabase(databaseUrl, { poolSize: 2 });
  try {
    const counts = await syncBuiltInQuestions(db, bank.questions);
    logger.info({ ...counts, rubrics: bank.rubrics.length }, 'question bank in step with content/');
  } finally {
    await db.$disconnect();
  }
}
