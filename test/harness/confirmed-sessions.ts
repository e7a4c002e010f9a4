import type { SessionTiming } from '../../src/config.ts';
import { type SessionSchedule, sessionJobs } from '../../src/domain/scheduling/session-jobs.ts';
import type { JobQueues } from '../../src/queue/job-queues.ts';
import { type JobRequest, type OutboxEntry, toOutboxRows } from '../../src/queue/job-request.ts';
import type { Database } from '../../src/store/prisma.ts';
import { TEST_TEAM_ID } from './test-world.ts';

export interface SeededSession extends SessionSchedule {
  /** The pair's group DM, where its reminders go. */
  channelId: string;
}

/**
 * Confirmed sessions between Ana and Bo, written straight to the database as a finished
 * scheduling flow leaves them: one per start time, each with its own group DM (channel ids
 * `G0<tag><n>`), so the one-message-per-second pacing of a channel never holds a reminder back.
 */
export async function seedConfirmedSessions(
  db: Database,
  options: { startTimes: number[]; tag: string },
): Promise<SeededSession[]> {
  const workspace = await db.workspace.upsert({
    where: { slackTeamId: TEST_TEAM_ID },
    create: { slackTeamId: TEST_TEAM_ID },
    update: {},
  });
  const [ana, bo] = await Promise.all(
    ['U0ANA', 'U0BO'].map((slackUserId) =>
      db.member.upsert({
        where: { workspaceId_slackUserId: { workspaceId: workspace.id, slackUserId } },
        create: { workspaceId: workspace.id, slackUserId, timezone: 'Europe/London' },
        update: {},
      }),
    ),
  );
  const seeded: SeededSession[] = [];
  for (const [index, startsAt] of options.startTimes.entries()) {
    const confirmedAt = new Date();
    // A request joins at most one session, so each participation has a (matched) request of its own.
    const [anaRequest, boRequest] = await Promise.all(
      [ana!, bo!].map((member) =>
        db.partnerRequest.create({
          data: {
            workspaceId: workspace.id,
            memberId: member.id,
            status: 'MATCHED',
            interviewTypes: ['behavioural'],
            level: 'SENIOR',
            role: 'BOTH',
            durationMinutes: 30,
            availability: { now: { now: true } },
            timezone: 'Europe/London',
            expiresAt: new Date(startsAt + 24 * 3600_000),
            closedAt: confirmedAt,
          },
        }),
      ),
    );
    const channelId = `G0${options.tag}${index + 1}`;
    const session = await db.session.create({
      data: {
        workspaceId: workspace.id,
        interviewType: 'behavioural',
        status: 'CONFIRMED',
        startsAt: new Date(startsAt),
        durationMinutes: 30,
        proposedSlots: [new Date(startsAt)],
        proposedAt: confirmedAt,
        version: 1,
        confirmedAt,
        channelId,
        introTs: '1700000000.000100',
        reason: 'both free now for Behavioural',
        participants: {
          create: [
            { memberId: ana!.id, requestId: anaRequest!.id, interviewsFirst: true, confirmedAt },
            { memberId: bo!.id, requestId: boRequest!.id, interviewsFirst: false, confirmedAt },
          ],
        },
      },
    });
    seeded.push({
      id: session.id,
      status: 'CONFIRMED',
      version: session.version,
      startsAt,
      durationMinutes: session.durationMinutes,
      proposedAt: confirmedAt.getTime(),
      channelId,
    });
  }
  return seeded;
}

/**
 * Adds a session's follow-ups straight to BullMQ, as the relay would after the outbox: for tests
 * about what happens to jobs once they are in Redis (outages, crashes), not about how they got there.
 */
export async function queueSessionJobs(
  queues: JobQueues,
  session: SessionSchedule,
  timing: SessionTiming,
  now: number,
): Promise<void> {
  const entries = sessionJobs(session, timing, now).map(
    (job): OutboxEntry => ({ action: 'enqueue', job: job as JobRequest }),
  );
  await queues.relay(toOutboxRows(entries), now);
}
