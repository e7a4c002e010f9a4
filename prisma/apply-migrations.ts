import { createHash, randomUUID } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { createLogger } from '../src/observability/logger.ts';

// Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's schema engine
// (which needs a download this project cannot count on). The bookkeeping is Prisma's own, so on a
// machine with the engine `prisma migrate deploy` and `prisma migrate status` agree with this file:
// - the `_prisma_migrations` table with Prisma's DDL, one row per attempt, sha256 checksums;
// - the advisory lock key Prisma Migrate takes (72707369, prisma-engines
//   `sql-schema-connector/src/flavour/postgres.rs`), so this applier and Prisma exclude each other;
// - a failed attempt leaves its row unfinished and blocks later runs (Prisma's P3009) until someone
//   marks it rolled back; rows with `rolled_back_at` are ignored and the migration is tried again.

export const MIGRATE_ADVISORY_LOCK_KEY = 72707369;

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/mockingbird';
// pg waits forever for an unreachable host by default; start-up should fail instead.
const CONNECT_TIMEOUT_MS = 10_000;

// Verbatim from prisma-engines (`create_migrations_table` for PostgreSQL).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

/**
 * Where progress and warnings go: start-up passes the app's pino logger, so they are JSON lines
 * like every other (README: "Logs are JSON lines").
 */
export interface MigrationLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

const SILENT: MigrationLogger = { info: () => {}, warn: () => {} };

export interface ApplyMigrationsOptions {
  /** Defaults to the `migrations` folder next to this file. */
  migrationsDir?: string;
  /** Progress and warnings; without one, nothing is said (tests, the sandbox). */
  logger?: MigrationLogger;
}

/** An expected failure, with Prisma's error code where Prisma has one (P3005, P3009, P3018…). */
export class MigrationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const logger = options.logger ?? SILENT;
  const migrations = await readLocalMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const target = parseTarget(databaseUrl);

  await createDatabaseIfMissing(target, logger);
  const client = new pg.Client({
    connectionString: target.connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await client.connect();
  let locked = false;
  try {
    if (target.schema !== 'public') {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(target.schema)}`);
    }
    await client.query(`SET search_path TO ${pg.escapeIdentifier(target.schema)}`);

    const { rows: tried } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [MIGRATE_ADVISORY_LOCK_KEY],
    );
    if (!tried[0]?.locked) {
      logger.info({}, 'another process is migrating this database; waiting for it to finish');
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_ADVISORY_LOCK_KEY]);
    }
    locked = true;

    await ensureMigrationsTable(client, target.schema);
    const rows = await loadMigrationRows(client);
    refuseAfterFailedMigration(rows);
    warnAboutHistoryDrift(rows, migrations, logger);

    const applied: string[] = [];
    const appliedNames = new Set(
      rows.filter((row) => row.rolled_back_at === null).map((row) => row.migration_name),
    );
    for (const migration of migrations) {
      if (appliedNames.has(migration.name)) continue;
      logger.info({ migration: migration.name }, 'applying migration');
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    if (locked) {
      // Ending the session releases the lock anyway; this only matters when the connection lives on.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_ADVISORY_LOCK_KEY]).catch(() => {});
    }
    await client.end().catch(() => {});
  }
}

/** sha256 of the script, lower-case hex: what Prisma stores in `_prisma_migrations.checksum`. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

// Prisma accepts a checksum computed with either line ending, since git may rewrite them on checkout
// (prisma-engines `schema-connector/src/checksum.rs`).
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  return [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')].some(
    (variant) => migrationChecksum(variant) === checksum,
  );
}

async function readLocalMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  if (!existsSync(migrationsDir)) {
    throw new MigrationError('MIGRATIONS_DIR', `No migrations folder at ${migrationsDir}.`);
  }
  const lockFile = path.join(migrationsDir, 'migration_lock.toml');
  if (existsSync(lockFile)) {
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(await readFile(lockFile, 'utf8'))?.[1];
    if (provider !== undefined && provider !== 'postgresql') {
      throw new MigrationError(
        'P3019',
        `The migrations in ${migrationsDir} were written for "${provider}" (migration_lock.toml), not postgresql.`,
      );
    }
  }

  const entries = await readdir(migrationsDir, { withFileTypes: true });
  // Same order as the Prisma CLI, which sorts migration folders with localeCompare.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!existsSync(file)) {
      throw new MigrationError(
        'P3015',
        `Migration folder ${name} has no migration.sql (${file}): restore the file or delete the folder.`,
      );
    }
    const script = await readFile(file, 'utf8');
    migrations.push({ name, script, checksum: migrationChecksum(script) });
  }
  return migrations;
}

interface Target {
  connectionString: string;
  database: string;
  schema: string;
  /** The same server's `postgres` database, for CREATE DATABASE. */
  maintenanceConnectionString: string;
}

function parseTarget(databaseUrl: string): Target {
  const url = new URL(databaseUrl);
  // Prisma reads `?schema=` itself; pg would pass it on as a connection parameter.
  const schema = url.searchParams.get('schema') || 'public';
  url.searchParams.delete('schema');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return {
    connectionString: url.toString(),
    database,
    schema,
    maintenanceConnectionString: maintenance.toString(),
  };
}

async function createDatabaseIfMissing(target: Target, logger: MigrationLogger): Promise<void> {
  const probe = new pg.Client({
    connectionString: target.connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if (sqlState(error) !== '3D000') throw error;
  } finally {
    await probe.end().catch(() => {});
  }

  const admin = new pg.Client({
    connectionString: target.maintenanceConnectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(target.database)}`);
    logger.info({ database: target.database }, 'created the database');
  } catch (error) {
    // Another process got there first: 42P04 once its CREATE has committed, 23505 (the catalog's
    // unique index) when both ran at the same moment.
    const code = sqlState(error);
    if (code !== '42P04' && code !== '23505') throw error;
  } finally {
    await admin.end().catch(() => {});
  }
}

async function ensureMigrationsTable(client: pg.Client, schema: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [schema],
  );
  if (rows.some((row) => row.name === '_prisma_migrations')) return;
  // Prisma refuses to start a migration history in a schema that already holds tables (P3005): they
  // were made some other way (db push, by hand) and the first migration would collide with them.
  if (rows.length > 0) {
    const names = rows.map((row) => row.name).join(', ');
    throw new MigrationError(
      'P3005',
      `The database schema "${schema}" is not empty (${names}) and has no _prisma_migrations table; ` +
        'baseline it (https://pris.ly/d/migrate-baseline) or use an empty database.',
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE);
}

async function loadMigrationRows(client: pg.Client): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name, logs, started_at, finished_at, rolled_back_at
     FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return rows;
}

function refuseAfterFailedMigration(rows: MigrationRow[]): void {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  const first = failed[0];
  if (!first) return;
  // Prefer the database's own error line over the rest of the Prisma-style log.
  const logs = first.logs?.trim() ?? '';
  const reason = logs ? ` (${/^ERROR: .*$/m.exec(logs)?.[0] ?? oneLine(logs)})` : '';
  throw new MigrationError(
    'P3009',
    `Migration ${first.migration_name} failed earlier (started ${first.started_at.toISOString()})${reason}, ` +
      'so no further migrations will be applied (Prisma P3009). Repair the database by hand, then mark the ' +
      `attempt rolled back: \`prisma migrate resolve --rolled-back ${first.migration_name}\` or ` +
      `\`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${first.migration_name}' ` +
      'AND finished_at IS NULL`; the next run applies it again.',
  );
}

function warnAboutHistoryDrift(
  rows: MigrationRow[],
  migrations: LocalMigration[],
  logger: MigrationLogger,
): void {
  const local = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of rows) {
    if (row.finished_at === null || row.rolled_back_at !== null) continue;
    const migration = local.get(row.migration_name);
    if (!migration) {
      logger.warn(
        { migration: row.migration_name },
        'a migration applied to the database is missing from the migrations folder',
      );
    } else if (!scriptMatchesChecksum(migration.script, row.checksum)) {
      logger.warn(
        {
          migration: row.migration_name,
          checksumInDatabase: row.checksum,
          checksumOnDisk: migration.checksum,
        },
        'a migration was edited after it was applied; the edit is not applied: add a new migration instead',
      );
    }
  }
}

async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  // Recorded (and committed) before the script runs, as Prisma does: a crash mid-way leaves an
  // unfinished row that blocks later runs instead of a half-applied migration nobody knows about.
  const id = randomUUID();
  await client.query('INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)', [
    id,
    migration.checksum,
    migration.name,
  ]);

  // The script and its bookkeeping commit together. A script that manages its own transaction
  // (Prisma writes BEGIN/COMMIT around some enum changes) ends ours early, which is what
  // `prisma migrate deploy` would do with it too.
  try {
    await client.query('BEGIN');
    await client.query(migration.script);
    await client.query(
      'UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    const failure = describeScriptError(error, migration);
    // If the connection itself broke, the row stays unfinished without logs: still a failed attempt.
    await client
      .query('UPDATE _prisma_migrations SET logs = $2 WHERE id = $1', [id, failure.logs])
      .catch(() => {});
    throw new MigrationError(
      'P3018',
      `Migration ${migration.name} failed to apply and was rolled back (Prisma P3018): ${failure.summary}`,
    );
  }
}

// `logs` follows Prisma's layout for the `_prisma_migrations.logs` column; `summary` is one line.
function describeScriptError(error: unknown, migration: LocalMigration): { logs: string; summary: string } {
  if (!(error instanceof pg.DatabaseError)) {
    const message = oneLine(errorMessage(error));
    return { logs: message, summary: message };
  }
  const position = Number(error.position);
  const line =
    Number.isFinite(position) && position > 0 ? `, line ${lineAt(migration.script, position)}` : '';
  const detail = error.detail ? `\nDETAIL: ${error.detail}` : '';
  const where = `${migration.name}/migration.sql${line}`;
  return {
    logs: `Database error code: ${error.code}\n\nDatabase error:\nERROR: ${error.message}${detail}\n\nIn ${where}`,
    summary: `ERROR ${error.code}: ${error.message}${error.detail ? ` (${error.detail})` : ''} in ${where}`,
  };
}

// PostgreSQL reports a 1-based character offset into the query text.
function lineAt(script: string, position: number): number {
  return script.slice(0, position - 1).split('\n').length;
}

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return errorMessage(error.errors[0]);
  if (error instanceof Error) {
    const code = sqlState(error);
    return error.message || code || error.name;
  }
  return String(error);
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === import.meta.url;
  } catch {
    return false;
  }
}

// `npm run db:migrate`, often a deployment's migration job: its lines are the app's JSON log lines.
if (isMainModule()) {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const logger = createLogger('info');
  try {
    const { applied } = await applyMigrations(databaseUrl, { logger });
    logger.info(
      { applied },
      applied.length === 0 ? 'the database is up to date: no migrations to apply' : 'database migrated',
    );
  } catch (error) {
    const { host, pathname } = new URL(databaseUrl);
    logger.error({ database: `${host}${pathname}`, err: oneLine(errorMessage(error)) }, 'migration failed');
    process.exitCode = 1;
  }
}
