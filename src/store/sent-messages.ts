import type { Database } from './prisma.ts';

/** What we know about a keyed send: posted (with its ts, if it has one) or failed for good. */
export interface SentMessageRecord {
  key: string;
  channelId: string;
  ts: string | null;
  failedWith: string | null;
}

export async function findSentMessage(db: Database, key: string): Promise<SentMessageRecord | null> {
  return db.sentMessage.findUnique({
    where: { key },
    select: { key: true, channelId: true, ts: true, failedWith: true },
  });
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
  await db.$executeRaw`
    WITH settled AS (DELETE FROM "SentMessage" WHERE "key" = ${attemptKey(sent.key)})
    INSERT INTO "SentMessage" ("key", "channelId", "ts") VALUES (${sent.key}, ${sent.channelId}, ${sent.ts})
    ON CONFLICT ("key") DO UPDATE
      SET "channelId" = EXCLUDED."channelId", "ts" = EXCLUDED."ts", "failedWith" = NULL`;
}

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
  const { count } = await db.sentMessage.createMany({
    // Dated by this process, in UTC as Prisma writes it: the column has no time zone, and a
    // database default would be the server's local time.
    data: [{ key: attemptKey(attempt.key), channelId: attempt.channelId, createdAt: new Date() }],
    skipDuplicates: true,
  });
  return count === 1;
}

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

export async function findSendState(db: Database, key: string): Promise<SendState> {
  const rows = await db.sentMessage.findMany({
    where: { key: { in: [key, attemptKey(key)] } },
    select: { key: true, channelId: true, ts: true, failedWith: true, createdAt: true },
  });
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
