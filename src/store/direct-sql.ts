import pg from 'pg';
import type { Database } from './prisma.ts';

/**
 * Reads that skip Prisma and go to PostgreSQL through the pool under the client (the same
 * connections, the same limits and timeouts). Kept for the few reads a member waits on under load:
 * `/mock status` and the daily question's buttons. Prisma's query engine spent 250–600 µs of CPU
 * on each of those calls, against 90–120 µs this way, and it spends it on the web role's event
 * loop, the one that sends every acknowledgement. Everything else, and every write, stays with
 * Prisma. Each read has a test that it returns what Prisma's own read of the same rows does.
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
  values: Array<string | number | boolean | null>,
): Promise<Row[]> {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Database was not made by createDatabase, so it has no pool to read from');
  const result = await pool.query({ ...statement, values, types: UTC_TYPES });
  return result.rows as Row[];
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
