import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, type MigrationLogger, migrationChecksum } from '../../prisma/apply-migrations.ts';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../harness/database.ts';

// The applier against real PostgreSQL. Each test starts from a database that does not exist yet,
// which also exercises "create the database first".

const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));
const INIT = '20261123000000_init';
/** Every migration the repository ships, in the order they apply. */
const SHIPPED = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What the applier says, line by line, as the app's pino logger would receive it. */
function recordingLogger(): { logger: MigrationLogger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const record = (level: string) => (fields: Record<string, unknown>, msg: string) => {
    lines.push({ level, msg, ...fields });
  };
  return { logger: { info: record('info'), warn: record('warn') }, lines };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function freshDatabase(): string {
  const name = uniqueDatabaseName();
  cleanups.push(() => dropDatabase(name));
  return databaseUrl(name);
}

async function scratchMigrations(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mockingbird-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const history = (url: string) => query<Row>(url, 'SELECT * FROM _prisma_migrations ORDER BY started_at');

describe('applyMigrations', () => {
  it('creates the database, applies every migration and records it as Prisma does', async () => {
    const url = freshDatabase();

    const { applied } = await applyMigrations(url);

    expect(applied).toEqual(SHIPPED);
    const script = await readFile(path.join(MIGRATIONS_DIR, INIT, 'migration.sql'), 'utf8');
    const rows = await history(url);
    expect(rows.map((each) => each.migration_name)).toEqual(SHIPPED);
    const row = rows[0];
    expect(row).toMatchObject({
      migration_name: INIT,
      checksum: migrationChecksum(script),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row?.finished_at).toBeInstanceOf(Date);
    expect(row!.finished_at!.getTime()).toBeGreaterThanOrEqual(row!.started_at.getTime());
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((table) => table.tablename)).toContain('Member');
    expect(tables.map((table) => table.tablename)).toContain('_prisma_migrations');
  });

  it('applies nothing the second time', async () => {
    const url = freshDatabase();
    await applyMigrations(url);

    const second = await applyMigrations(url);

    expect(second.applied).toEqual([]);
    expect(await history(url)).toHaveLength(SHIPPED.length);
  });

  it('applies each migration once when two processes start together', async () => {
    const url = freshDatabase();

    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);

    expect(results.flatMap((result) => result.applied).sort()).toEqual(SHIPPED);
    expect((await history(url)).map((row) => row.migration_name)).toEqual(SHIPPED);
  });

  it('applies only the migrations added since the last run, in name order', async () => {
    const url = freshDatabase();
    const dir = await scratchMigrations({
      '20260101000000_first': 'CREATE TABLE "One" ("id" INTEGER NOT NULL);\n',
    });
    await applyMigrations(url, { migrationsDir: dir });
    for (const name of ['20260103000000_third', '20260102000000_second']) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'migration.sql'), `CREATE TABLE "${name}" ("id" INTEGER);\n`);
    }

    const { applied } = await applyMigrations(url, { migrationsDir: dir });

    expect(applied).toEqual(['20260102000000_second', '20260103000000_third']);
  });

  it('records a failed migration, rolls it back, and refuses to go on until it is resolved', async () => {
    const url = freshDatabase();
    const dir = await scratchMigrations({
      '20260101000000_good': 'CREATE TABLE "Good" ("id" INTEGER NOT NULL);\n',
      '20260102000000_bad': 'CREATE TABLE "Half" ("id" INTEGER NOT NULL);\nSELEC 1;\n',
      '20260103000000_later': 'CREATE TABLE "Later" ("id" INTEGER NOT NULL);\n',
    });

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 20260102000000_bad failed to apply and was rolled back \(Prisma P3018\).*42601.*syntax error at or near "SELEC".*line 2/,
    );

    const rows = await history(url);
    expect(
      rows.map((row) => [row.migration_name, row.finished_at === null, row.applied_steps_count]),
    ).toEqual([
      ['20260101000000_good', false, 1],
      ['20260102000000_bad', true, 0],
    ]);
    expect(rows[1]?.logs).toContain('syntax error');
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.map((table) => table.tablename).sort()).toEqual(['Good', '_prisma_migrations']);

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 20260102000000_bad failed earlier .*\(Prisma P3009\).*rolled_back_at = now\(\)/,
    );
    expect(await history(url)).toHaveLength(2);

    // Resolving as Prisma does (`migrate resolve --rolled-back`) lets a fixed migration run again.
    await query(
      url,
      "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '20260102000000_bad'",
    );
    await writeFile(
      path.join(dir, '20260102000000_bad', 'migration.sql'),
      'CREATE TABLE "Half" ("id" INTEGER);\n',
    );
    const { applied } = await applyMigrations(url, { migrationsDir: dir });
    expect(applied).toEqual(['20260102000000_bad', '20260103000000_later']);
  });

  it('warns when an applied migration was edited afterwards, and leaves it alone', async () => {
    const url = freshDatabase();
    const dir = await scratchMigrations({
      '20260101000000_first': 'CREATE TABLE "One" ("id" INTEGER NOT NULL);\n',
    });
    await applyMigrations(url, { migrationsDir: dir });
    await writeFile(
      path.join(dir, '20260101000000_first', 'migration.sql'),
      'CREATE TABLE "Two" ("id" INTEGER);\n',
    );
    const { logger, lines } = recordingLogger();

    const { applied } = await applyMigrations(url, { migrationsDir: dir, logger });

    expect(applied).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        migration: '20260101000000_first',
        msg: expect.stringMatching(/edited after it was applied/),
      }),
    ]);
  });

  it('accepts a checkout whose line endings git turned into CRLF', async () => {
    const url = freshDatabase();
    const dir = await scratchMigrations({
      '20260101000000_first': 'CREATE TABLE "One" (\n  "id" INTEGER\n);\n',
    });
    await applyMigrations(url, { migrationsDir: dir });
    const file = path.join(dir, '20260101000000_first', 'migration.sql');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('\n', '\r\n'));
    const { logger, lines } = recordingLogger();

    await applyMigrations(url, { migrationsDir: dir, logger });

    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('refuses migrations written for another database provider', async () => {
    const dir = await scratchMigrations({});
    await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "mysql"\n');

    await expect(applyMigrations(freshDatabase(), { migrationsDir: dir })).rejects.toThrow(
      /written for "mysql"/,
    );
  });
});
