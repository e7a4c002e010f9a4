import { type DirectStatement, runStatement, selectRows } from './direct-sql.ts';
import type { Database } from './prisma.ts';

/** What we know about a keyed send: posted (with its ts, if it has one) or failed for good. */
export interface SentMessageRecord {
  key: string;
  channelId: string;
  ts: string | null;
  failedWith: string | null;
}

// A worker reads and writes this ledger three times for every message it posts (findSendState,
// recordSendAttempt, recordSentMessage), so those go straight to PostgreSQL (direct-sql.ts):
// through Prisma the three cost about 1.3 ms of CPU a message, this way about 0.5 ms.
// test/db/sent-messages.test.ts holds each to what Prisma reads of the same rows.

const FIND_SENT_MESSAGE: DirectStatement = {
  name: 'sent-message',
  text: 'SELECT "key", "channelId", "ts", "failedWith" FROM "SentMessage" WHERE "key" = $1',
};

export async function findSentMessage(db: Database, key: string): Promise<SentMessageRecord | null> {
  const [row] = await selectRows<SentMessageRecord>(db, FIND_SENT_MESSAGE, [key]);
  return row ?? null;
}

/** True when the key's send went through (a recorded permanent failure does not count). */
export async function wasSent(db: Database, key: string): Promise<boolean> {
  const found = await db.sentMessage.findUnique({ where: { key }, select: { failedWith: true } });
  return found !== null && found.failedWith === null;
}

/**
 * Records a send that went through; it replaces anything recorded for the key before, and the
 * key's attempt (recordSendAttempt) is settled with it.
 */
export async function recordSentMessage(
  db: Database,
  sent: { key: string; channelId: string; ts: string | null },
): Promise<void> {
  // One statement, as it runs once per message sent: Prisma's upsert and delete in a transaction
  // would be four round trips.
  await runStatement(db, RECORD_SENT_MESSAGE, [attemptKey(sent.key), sent.key, sent.channelId, sent.ts]);
}

const RECORD_SENT_MESSAGE: DirectStatement = {
  name: 'record-sent-message',
  text: `WITH settled AS (DELETE FROM "SentMessage" WHERE "key" = $1)
    INSERT INTO "SentMessage" ("key", "channelId", "ts") VALUES ($2, $3, $4)
    ON CONFLICT ("key") DO UPDATE
      SET "channelId" = EXCLUDED."channelId", "ts" = EXCLUDED."ts", "failedWith" = NULL`,
};

/** Records a send that cannot succeed, unless the key was already recorded (a success stays one). */
export async function recordSendFailure(
  db: Database,
  failed: { key: string; channelId: string; failedWith: string },
): Promise<void> {
  await db.$transaction([
    db.sentMessage.createMany({ data: [failed], skipDuplicates: true }),
    db.sentMessage.deleteMany({ where: { key: attemptKey(failed.key) } }),
  ]);
}

/**
 * A keyed send about to call Slack, written before the call: if its outcome is never recorded (the
 * worker died mid-call, or Slack's answer was lost), whoever sends the key next knows Slack may
 * already have it, and since when (the row's createdAt, on the database's clock).
 *
 * It lives in the same ledger as the sends, under the key with `#attempt` appended, so that
 * erasure (which matches keys by what they contain or start with) removes it with its send. Only
 * the first attempt's row is kept: a later look through the channel must reach back to it.
 * Dated by this process's clock, which Slack's message timestamps are compared with.
 * Answers whether this call wrote the row.
 */
export async function recordSendAttempt(
  db: Database,
  attempt: { key: string; channelId: string },
): Promise<boolean> {
  // Dated by this process, in UTC as Prisma writes it: the column has no time zone, and a
  // database default would be the server's local time.
  const written = await runStatement(db, RECORD_SEND_ATTEMPT, [
    attemptKey(attempt.key),
    attempt.channelId,
    new Date().toISOString(),
  ]);
  return written === 1;
}

const RECORD_SEND_ATTEMPT: DirectStatement = {
  name: 'record-send-attempt',
  text: `INSERT INTO "SentMessage" ("key", "channelId", "createdAt") VALUES ($1, $2, $3)
    ON CONFLICT ("key") DO NOTHING`,
};

/** Forgets an attempt that certainly never reached Slack (it was refused before any post). */
export async function forgetSendAttempt(db: Database, key: string): Promise<void> {
  await db.sentMessage.deleteMany({ where: { key: attemptKey(key) } });
}

/** What the ledger says about a key, in one read: its outcome if recorded, and any attempt without one. */
export interface SendState {
  recorded: SentMessageRecord | null;
  /** When an attempt began whose outcome was never recorded (this process's clock); null when there was none. */
  attemptedAt: Date | null;
}

const FIND_SEND_STATE: DirectStatement = {
  name: 'send-state',
  text: `SELECT "key", "channelId", "ts", "failedWith", "createdAt" FROM "SentMessage"
    WHERE "key" IN ($1, $2)`,
};

export async function findSendState(db: Database, key: string): Promise<SendState> {
  const rows = await selectRows<SentMessageRecord & { createdAt: Date }>(db, FIND_SEND_STATE, [
    key,
    attemptKey(key),
  ]);
  const recorded = rows.find((row) => row.key === key);
  const attempt = rows.find((row) => row.key !== key);
  return {
    recorded: recorded
      ? { key, channelId: recorded.channelId, ts: recorded.ts, failedWith: recorded.failedWith }
      : null,
    attemptedAt: recorded ? null : (attempt?.createdAt ?? null),
  };
}

function attemptKey(key: string): string {
  return `${key}#attempt`;
}
