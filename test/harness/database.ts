import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { applyMigrations } from '../../prisma/apply-migrations.ts';

// Test databases live on one PostgreSQL server. Every test file clones a template that holds the
// migrated schema (CREATE DATABASE … TEMPLATE copies files: milliseconds, against the seconds a fresh
// migration would take), so files can run in parallel, each in a database of its own.

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

// Serialises template builds across concurrent test runs. Advisory locks are per database: this one
// lives in the server URL's database, where nothing else of ours takes locks.
const TEMPLATE_BUILD_LOCK_KEY = 5_206_118_301;

// Test database names carry this machine and the creating pid, so a later run can tell the
// leftovers of a dead process (dropped) from a live run's (left alone), even on a shared server.
const TEST_DATABASE_PREFIX = `mockingbird_test_${createHash('sha256').update(hostname()).digest('hex').slice(0, 4)}_`;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** A fresh database name (not created) that dropAbandonedTestDatabases() can clean up later. */
export function uniqueDatabaseName(): string {
  return `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

let template: Promise<string> | undefined;

/**
 * Creates (once per migration history) and returns the name of the migrated template database,
 * `mockingbird_tpl_<hash of prisma/migrations>`. Safe when several test runs race to build it.
 */
export function ensureTemplateDatabase(): Promise<string> {
  template ??= buildTemplateDatabase().catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

/**
 * A new database cloned from the template; drop() removes it even if connections are still open.
 * `timezone` sets the zone its sessions run in, for statements that must store UTC whatever it is.
 */
export async function createTestDatabase(options: { timezone?: string } = {}): Promise<TestDatabase> {
  const templateName = await ensureTemplateDatabase();
  const name = uniqueDatabaseName();
  await withServer(async (client) => {
    await client.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(templateName)}`,
    );
    if (options.timezone) {
      await client.query(
        `ALTER DATABASE ${pg.escapeIdentifier(name)} SET timezone = ${pg.escapeLiteral(options.timezone)}`,
      );
    }
  });
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** Drops test databases on this server made on this machine by processes that no longer run. */
export async function dropAbandonedTestDatabases(): Promise<string[]> {
  const { rows } = await withServer((client) =>
    client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
      TEST_DATABASE_PREFIX,
    ]),
  );
  const abandoned = rows
    .map((row) => row.datname)
    .filter((name) => {
      const pid = Number(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
      return Number.isInteger(pid) && pid > 0 && !isRunning(pid);
    });
  for (const name of abandoned) await dropDatabase(name);
  return abandoned;
}

async function buildTemplateDatabase(): Promise<string> {
  const name = `mockingbird_tpl_${migrationsHash()}`;
  return withServer(async (client) => {
    if (await isReadyTemplate(client, name)) return name;
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_BUILD_LOCK_KEY]);
    try {
      if (await isReadyTemplate(client, name)) return name;
      // Not marked ready yet holding the lock means a build died half-way: start again.
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      await applyMigrations(databaseUrl(name), { migrationsDir: MIGRATIONS_DIR });
      // Cloning needs a template nobody is connected to; refusing connections keeps it that way.
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await client.query(
        `ALTER DATABASE ${pg.escapeIdentifier(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
      );
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_BUILD_LOCK_KEY]).catch(() => {});
    }
  });
}

// datistemplate is set last, so it doubles as "fully migrated".
async function isReadyTemplate(client: pg.Client, name: string): Promise<boolean> {
  const { rows } = await client.query<{ datistemplate: boolean }>(
    'SELECT datistemplate FROM pg_database WHERE datname = $1',
    [name],
  );
  return rows[0]?.datistemplate === true;
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  const files = readdirSync(MIGRATIONS_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(MIGRATIONS_DIR, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(MIGRATIONS_DIR, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 8);
}

async function withServer<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
