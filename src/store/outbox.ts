import type { Database, DbClient, Transaction } from './prisma.ts';

/**
 * The outbox table (schema: OutboxEntry). A change writes its follow-ups here inside its own
 * transaction; the relay reads pending rows and marks them relayed once their jobs exist.
 */

/** PostgreSQL's LISTEN/NOTIFY channel the relay wakes on; NOTIFY is delivered at commit, never for a rollback. */
export const OUTBOX_CHANNEL = 'mockingbird_outbox';

export interface OutboxRowData {
  action: 'enqueue' | 'remove';
  jobName: string;
  jobId: string;
  payload: unknown;
  runAt: Date | null;
}

export interface PendingOutboxRow extends OutboxRowData {
  id: bigint;
}

/**
 * One statement whatever the number of rows, with the rows as a single JSON parameter. A
 * `createMany` is compiled by Prisma on the event loop in time that grows with its rows: the
 * ~24,000 follow-ups of a 10,000-request sweep took 5 s there, while the same process was due to
 * send reminders. Times are stored as Prisma stores them, UTC in `timestamp(3)` columns: an ISO
 * string's zone is ignored on the cast, and `now()` is taken at UTC, whatever the session's zone.
 * A null payload is SQL NULL, as Prisma's DbNull wrote it.
 */
export async function writeOutbox(tx: Transaction, rows: readonly OutboxRowData[]): Promise<void> {
  if (rows.length === 0) return;
  const items = JSON.stringify(
    rows.map((row) => ({
      action: row.action,
      jobName: row.jobName,
      jobId: row.jobId,
      payload: row.payload ?? null,
      runAt: row.runAt?.toISOString() ?? null,
    })),
  );
  // Ids follow the rows' order, which the relay keeps.
  await tx.$executeRaw`
    INSERT INTO "OutboxEntry" ("action", "jobName", "jobId", "payload", "runAt", "createdAt")
    SELECT entry.item->>'action', entry.item->>'jobName', entry.item->>'jobId',
           NULLIF(entry.item->'payload', 'null'::jsonb), (entry.item->>'runAt')::timestamp(3),
           now() AT TIME ZONE 'UTC'
    FROM jsonb_array_elements(${items}::jsonb) WITH ORDINALITY AS entry(item, position)
    ORDER BY entry.position`;
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
}

/**
 * Hands up to `limit` pending rows, oldest first, to `relay`, and marks them relayed when it
 * returns, all in one transaction: rows another relay holds are skipped (SKIP LOCKED), and a relay
 * that fails or dies leaves its rows pending for the next try. Returns how many were relayed.
 */
export async function relayPendingOutbox(
  db: Database,
  limit: number,
  relay: (rows: PendingOutboxRow[]) => Promise<void>,
): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<PendingOutboxRow[]>`
        SELECT id, action, "jobName", "jobId", payload, "runAt" FROM "OutboxEntry"
        WHERE "relayedAt" IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      await relay(rows);
      await tx.$executeRaw`UPDATE "OutboxEntry" SET "relayedAt" = now() WHERE id = ANY(${rows.map((row) => row.id)}::bigint[])`;
      return rows.length;
    },
    // Redis calls happen inside: generous bounds, so a slow Redis fails the batch, not the pool.
    { maxWait: 5_000, timeout: 30_000 },
  );
}

/** Counts a failed relay against the oldest pending rows, for the reconciler's report. */
export async function recordRelayFailure(db: Database, limit: number, error: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxEntry" SET attempts = attempts + 1, "lastError" = ${error.slice(0, 500)}
    WHERE id IN (SELECT id FROM "OutboxEntry" WHERE "relayedAt" IS NULL ORDER BY id LIMIT ${limit})`;
}

/** How far behind the relay is: pending rows and the age of the oldest. */
export async function outboxBacklog(
  db: DbClient,
  now: Date,
): Promise<{ pending: number; oldestAgeMs: number }> {
  const [row] = await db.$queryRaw<Array<{ pending: bigint; oldest: Date | null }>>`
    SELECT count(*) AS pending, min("createdAt") AS oldest FROM "OutboxEntry" WHERE "relayedAt" IS NULL`;
  return {
    pending: Number(row?.pending ?? 0),
    oldestAgeMs: row?.oldest ? Math.max(0, now.getTime() - row.oldest.getTime()) : 0,
  };
}

/** Relayed rows are history once their jobs exist; kept a day for looking into an incident. */
export async function deleteRelayedOutbox(db: Database, before: Date): Promise<number> {
  const { count } = await db.outboxEntry.deleteMany({ where: { relayedAt: { lt: before } } });
  return count;
}
