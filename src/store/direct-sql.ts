import pg from 'pg';
import type { Database } from './prisma.ts';

/**
 * Statements that skip Prisma and go to PostgreSQL through the pool under the client (the same
 * connections, the same limits and timeouts). Kept for the few that run per request or per message
 * under load: the reads a member waits on (`/mock status`, the daily question's buttons), where
 * Prisma's query engine spent 250–600 µs of CPU a call against 90–120 µs this way, on the event
 * loop that sends every acknowledgement; and, on the workers, the session every session job reads
 * (sessions.ts) and the send ledger every keyed send reads and writes three times
 * (sent-messages.ts). Everything else stays with Prisma. Each statement has a test that it reads
 * or writes what Prisma's own calls on the same rows do.
 *
 * Each statement names its columns: it is prepared once per connection under its name, and a
 * prepared `SELECT *` fails once a migration adds a column to the table.
 */
export interface DirectStatement {
  /** The prepared statement's name: unique per text across the app. */
  name: string;
  text: string;
}

const pools = new WeakMap<Database, pg.Pool>();

/** Called by createDatabase: `db`'s direct reads use `pool`. */
export function attachPool(db: Database, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * The rows `statement` returns for `values`. Timestamps are read as UTC, as Prisma writes them
 * into columns without a zone; pass them as `toISOString()`, for the same reason.
 */
export async function selectRows<Row>(
  db: Database,
  statement: DirectStatement,
  values: StatementValue[],
): Promise<Row[]> {
  const result = await poolOf(db).query({ ...statement, values, types: UTC_TYPES });
  return result.rows as Row[];
}

/** Runs a write and answers how many rows it wrote or removed. Values as for selectRows. */
export async function runStatement(
  db: Database,
  statement: DirectStatement,
  values: StatementValue[],
): Promise<number> {
  const result = await poolOf(db).query({ ...statement, values, types: UTC_TYPES });
  return result.rowCount ?? 0;
}

type StatementValue = string | number | boolean | null;

function poolOf(db: Database): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Database was not made by createDatabase, so it has no pool to use');
  return pool;
}

/** Text format of `timestamp` (without zone): "2026-12-06 12:00:00.123". */
const TIMESTAMP_OID = 1114;

function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

const UTC_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
