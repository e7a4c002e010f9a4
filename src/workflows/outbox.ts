import { type OutboxEntry, toOutboxRows } from '../queue/job-request.ts';
import { writeOutbox } from '../store/outbox.ts';
import type { Database, Transaction } from '../store/prisma.ts';

/**
 * Writes a change's follow-ups (jobs) in the change's own transaction. The relay in the worker
 * role turns them into BullMQ jobs after the commit, so a rollback queues nothing and a Redis
 * outage delays them instead of losing them.
 */
export async function writeFollowUps(tx: Transaction, followUps: readonly OutboxEntry[]): Promise<void> {
  await writeOutbox(tx, toOutboxRows(followUps));
}

/**
 * Runs `change` in a transaction and writes the follow-ups it returns in the same transaction:
 * for changes that need nothing but their own writes and a few jobs.
 */
export async function commitWithFollowUps<T>(
  db: Database,
  change: (tx: Transaction) => Promise<{ result: T; followUps: OutboxEntry[] }>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const { result, followUps } = await change(tx);
    await writeFollowUps(tx, followUps);
    return result;
  });
}

/** Queues jobs durably when there is no other write to join: a transaction of the outbox alone. */
export async function queueFollowUps(db: Database, followUps: readonly OutboxEntry[]): Promise<void> {
  if (followUps.length === 0) return;
  await db.$transaction(async (tx) => writeFollowUps(tx, followUps));
}
