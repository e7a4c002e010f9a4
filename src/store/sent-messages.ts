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

/** Records a send that went through; it replaces anything recorded for the key before. */
export async function recordSentMessage(
  db: Database,
  sent: { key: string; channelId: string; ts: string | null },
): Promise<void> {
  await db.sentMessage.upsert({
    where: { key: sent.key },
    create: { key: sent.key, channelId: sent.channelId, ts: sent.ts },
    update: { channelId: sent.channelId, ts: sent.ts, failedWith: null },
  });
}

/** Records a send that cannot succeed, unless the key was already recorded (a success stays one). */
export async function recordSendFailure(
  db: Database,
  failed: { key: string; channelId: string; failedWith: string },
): Promise<void> {
  await db.sentMessage.createMany({ data: [failed], skipDuplicates: true });
}
