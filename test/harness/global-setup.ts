import { dropAbandonedTestDatabases, ensureTemplateDatabase } from './database.ts';

// Runs once per `vitest` run, before any test file: builds the migrated template every file clones
// (so files do not race to build it) and drops databases left by earlier runs that were killed.
export default async function setup(): Promise<void> {
  await Promise.all([ensureTemplateDatabase(), dropAbandonedTestDatabases()]);
}
