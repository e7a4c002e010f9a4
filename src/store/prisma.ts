import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { type Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { attachPool } from './direct-sql.ts';

export type Database = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Transaction = Prisma.TransactionClient;
/** Either: for reads that run alone or inside a change's transaction. */
export type DbClient = Database | Transaction;

/** Connections a client's pool keeps at most, unless told otherwise. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * The pg adapter waits forever for a pool connection by default; a bounded wait turns an
 * unreachable database into a quick, answerable error instead of a hung Slack request.
 */
export function createDatabase(
  databaseUrl: string,
  options: {
    poolSize?: number;
    onConnectionError?: (error: Error) => void;
    /**
     * Fails any query (and a new connection) that has no answer after this long. A frozen server
     * (SIGSTOP, a stuck disk) keeps pooled connections open and silent, so without it a query waits
     * for ever; the web role sets it so a Slack request is answered in time. A transaction whose
     * statement times out is rolled back, never committed (its COMMIT is never sent); only a
     * COMMIT that itself times out leaves the outcome unknown.
     */
    queryTimeoutMs?: number;
    /**
     * Hears every statement sent to PostgreSQL on the client's connections, BEGIN and COMMIT
     * included: its text, without parameters. One call is one round trip.
     */
    onStatement?: (sql: string) => void;
  } = {},
): Database {
  // A restarted PostgreSQL ends every pooled connection; pg reports it as an 'error' event, which
  // must be heard (and logged) or Node treats it as an uncaught exception.
  const onConnectionError = options.onConnectionError ?? (() => {});
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: Math.min(2_000, options.queryTimeoutMs ?? 2_000),
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
    idleTimeoutMillis: 30_000,
  });
  // Heard here rather than through the adapter, which listens only once Prisma has sent a query:
  // a direct read (direct-sql.ts) may be the first to use the pool.
  pool.on('error', onConnectionError);
  const onStatement = options.onStatement;
  if (onStatement) pool.on('connect', (connection) => hearStatements(connection, onStatement));
  // The pool is ours, so direct-sql.ts can read through it too; $disconnect still ends it.
  const adapter = new PrismaPg(pool, { onConnectionError, disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  attachPool(client, pool);
  return client;
}

/**
 * Calls `onStatement` with each statement `connection` sends, at the wire: Prisma's statements,
 * its transactions' BEGIN and COMMIT, and direct-sql.ts's reads alike.
 */
function hearStatements(connection: pg.PoolClient, onStatement: (sql: string) => void): void {
  const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
  connection.query = ((...args: unknown[]) => {
    const [statement] = args;
    onStatement(
      typeof statement === 'string' ? statement : String((statement as { text?: unknown })?.text ?? ''),
    );
    return query(...args);
  }) as typeof connection.query;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'P1001', // Prisma: can't reach database server
  'P1017', // Prisma: server closed the connection
  '57P01', // PostgreSQL: admin shutdown
  '57P03', // PostgreSQL: cannot connect now (starting up)
]);

/** True when an error means "the database is not there right now" rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (
      typeof message === 'string' &&
      /connect(ion)? (timeout|terminated|refused)|ECONNREFUSED|query read timeout|timeout exceeded when trying to connect/i.test(
        message,
      )
    ) {
      return true;
    }
    current = cause;
  }
  return false;
}
