import pg from 'pg';
import { applyMigrations } from '../../prisma/apply-migrations.ts';
import { createLogger } from '../observability/logger.ts';
import { prepareDatabase } from '../prepare-database.ts';

/**
 * The sandbox's own storage: a database of its own on the same PostgreSQL server (never the real
 * app's), and its own key prefix in Redis. Each start and each reset begins from nothing, since
 * the Slack stand-in keeps its messages in memory and could not pick up where a database left off.
 */

export const SANDBOX_DATABASE = 'mockingbird_sandbox';
export const SANDBOX_QUEUE_PREFIX = 'mockingbird-sandbox';

/** The sandbox database's URL on the server `databaseUrl` points at. */
export function sandboxDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${SANDBOX_DATABASE}`;
  return url.toString();
}

/** Drops the sandbox database if it is there, then creates, migrates and fills the question bank. */
export async function freshSandboxDatabase(sandboxUrl: string): Promise<void> {
  const server = new URL(sandboxUrl);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  // Quietly: the sandbox says what it is doing in one line of its own.
  await applyMigrations(sandboxUrl);
  await prepareDatabase(sandboxUrl, createLogger('silent'));
}
