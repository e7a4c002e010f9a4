import { randomUUID } from 'node:crypto';
import { jobDefinition } from '../src/queue/catalogue.ts';
import type { JobQueues } from '../src/queue/job-queues.ts';
import type { Database } from '../src/store/prisma.ts';

/** The 15-minute reminder, as the default SESSION_REMINDERS_SECONDS schedules it. */
const BEFORE_START_MS = 15 * 60_000;
const SESSION_VERSION = 1;
const ENQUEUE_CHUNK = 1_000;

/** One reminder the benchmark expects to see posted, once, in its own channel. */
export interface PlannedReminder {
  sessionId: string;
  channelId: string;
  /** Index in the phase: reminder i is due at start + i / rate. */
  index: number;
}

/**
 * Seeds `count` confirmed sessions straight into the database, each between the same two members
 * but in a channel of its own: distinct group DMs, so the per-channel pacing (one message per
 * second per channel, as Slack asks) never makes two reminders wait for each other.
 *
 * Set-based SQL rather than Prisma's createMany: Prisma 7 spends about 0.3 ms per row building
 * and chunking those inserts, a minute for the benchmark's 180,000 rows; this takes a second or two.
 * The columns are the migrations' (prisma/migrations); Prisma's client-side defaults (ids,
 * updatedAt) are filled in here. Then ANALYZE, so the planner works from statistics as it would on
 * a live database, not from guesses about tables that were empty a moment ago.
 */
export async function seedSessions(
  db: Database,
  workspaceId: string,
  memberIds: [string, string],
  phase: string,
  count: number,
): Promise<PlannedReminder[]> {
  const planned = Array.from({ length: count }, (_, index) => ({
    sessionId: randomUUID(),
    // Group DM ids look like G + upper-case alphanumerics; the fake treats any such id as open.
    channelId: `G${phase.toUpperCase()}${index.toString(36).toUpperCase().padStart(6, '0')}`,
    index,
  }));
  const sessionIds = planned.map((session) => session.sessionId);
  const channelIds = planned.map((session) => session.channelId);
  // Far enough ahead that nothing about the start time itself matters to the run.
  const startsAt = new Date(Date.now() + 24 * 3600_000);
  await db.$transaction(
    [
      db.$executeRaw`
      INSERT INTO "Session" ("id", "workspaceId", "interviewType", "status", "startsAt", "durationMinutes",
        "proposedSlots", "version", "confirmedAt", "channelId", "reason", "updatedAt")
      SELECT s.id, ${workspaceId}::uuid, 'product-sense', 'CONFIRMED', ${startsAt}, 45,
        ARRAY[${startsAt}::timestamp(3)], ${SESSION_VERSION}, now(), s.channel, 'benchmark', now()
      FROM unnest(${sessionIds}::uuid[], ${channelIds}::text[]) AS s(id, channel)`,
      // Each member's matched request, then the two participants that point at them.
      db.$executeRaw`
      WITH sides AS (
        SELECT s.id AS "sessionId", side.n, gen_random_uuid() AS "requestId",
          (${memberIds}::uuid[])[side.n] AS "memberId"
        FROM unnest(${sessionIds}::uuid[]) AS s(id), generate_series(1, 2) AS side(n)
      ),
      requests AS (
        INSERT INTO "PartnerRequest" ("id", "workspaceId", "memberId", "status", "interviewTypes", "level",
          "role", "durationMinutes", "availability", "timezone", "expiresAt", "closedAt", "updatedAt")
        SELECT "requestId", ${workspaceId}::uuid, "memberId", 'MATCHED', ARRAY['product-sense'], 'SENIOR',
          'BOTH', 45, '{}'::jsonb, 'Europe/London', ${startsAt}, now(), now()
        FROM sides
      )
      INSERT INTO "SessionParticipant" ("id", "sessionId", "memberId", "requestId", "interviewsFirst",
        "confirmedAt")
      SELECT gen_random_uuid(), "sessionId", "memberId", "requestId", n = 1, now() FROM sides`,
      // Prisma's 5 s default: 18,000 sessions on a busy shared machine can take longer.
    ],
    { timeout: 60_000 },
  );
  await db.$executeRaw`ANALYZE "Session", "PartnerRequest", "SessionParticipant"`;
  return planned;
}

/**
 * Queues one `session-reminder` per session, due at `dueAt(index)`, with the catalogue's job id and
 * options (as the outbox relay would), in bulk. The job's timestamp is set explicitly so that
 * its due time is exactly `timestamp + delay`, not shifted by the time the bulk took to build.
 */
export async function enqueueReminders(
  queues: JobQueues,
  reminders: PlannedReminder[],
  dueAt: (index: number) => number,
): Promise<void> {
  const definition = jobDefinition('session-reminder');
  const queue = queues.queue('session-reminder');
  for (let from = 0; from < reminders.length; from += ENQUEUE_CHUNK) {
    const now = Date.now();
    await queue.addBulk(
      reminders.slice(from, from + ENQUEUE_CHUNK).map((reminder) => {
        const data = definition.payload.parse({
          sessionId: reminder.sessionId,
          version: SESSION_VERSION,
          beforeStartMs: BEFORE_START_MS,
        });
        return {
          name: 'session-reminder',
          data,
          opts: {
            ...queues.optionsFor('session-reminder'),
            jobId: definition.jobId(data),
            timestamp: now,
            delay: Math.max(0, dueAt(reminder.index) - now),
          },
        };
      }),
    );
  }
}
