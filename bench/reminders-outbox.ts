import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { enqueueJob, type OutboxEntry } from '../src/queue/job-request.ts';
import type { Database } from '../src/store/prisma.ts';
import { queueFollowUps } from '../src/workflows/outbox.ts';
import type { PlannedReminder } from './reminders-load.ts';

/** The 15-minute reminder's payload, as reminders-load.ts queues it. */
const BEFORE_START_MS = 15 * 60_000;
const SESSION_VERSION = 1;
/** How often the writer commits what has fallen due: changes commit all the time, not in bursts. */
const WRITE_TICK_MS = 20;

const reminderEntry = (sessionId: string, runAt: number): OutboxEntry =>
  enqueueJob(
    'session-reminder',
    { sessionId, version: SESSION_VERSION, beforeStartMs: BEFORE_START_MS },
    runAt,
  );

/**
 * The path a real reminder takes: a change commits with its follow-up in the outbox, the workers'
 * relay turns the row into a job, a worker posts it. Each reminder is written at its due time, due
 * at once, so its lateness is the whole trip from commit to Slack. Returns once all are written.
 */
export async function writeRemindersThroughOutbox(
  db: Database,
  reminders: PlannedReminder[],
  dueAt: (index: number) => number,
): Promise<void> {
  let next = 0;
  while (next < reminders.length) {
    const now = Date.now();
    const due: OutboxEntry[] = [];
    while (next < reminders.length && dueAt(reminders[next]!.index) <= now) {
      const reminder = reminders[next]!;
      due.push(reminderEntry(reminder.sessionId, dueAt(reminder.index)));
      next += 1;
    }
    await queueFollowUps(db, due);
    const wait = next < reminders.length ? dueAt(reminders[next]!.index) - Date.now() : 0;
    await sleep(Math.max(0, Math.min(wait, WRITE_TICK_MS)));
  }
}

/**
 * How fast the relays empty a backlog: `count` rows committed in one transaction (as a backlog
 * stands after an outage), for jobs due in an hour so nothing is sent, timed from the commit until
 * no row is pending.
 */
export async function measureOutboxDrain(db: Database, count: number): Promise<{ rows: number; ms: number }> {
  const runAt = Date.now() + 3600_000;
  await queueFollowUps(
    db,
    Array.from({ length: count }, () => reminderEntry(randomUUID(), runAt)),
  );
  const started = Date.now();
  for (;;) {
    const pending = await db.outboxEntry.count({ where: { relayedAt: null } });
    if (pending === 0) return { rows: count, ms: Date.now() - started };
    if (Date.now() - started > 120_000) throw new Error(`outbox still has ${pending} rows after 2 minutes`);
    await sleep(20);
  }
}
