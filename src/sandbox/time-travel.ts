import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { nextRunAfter } from '../domain/daily-question/schedule.ts';
import { interviewTypeLabel } from '../domain/interview-types.ts';
import type { JobName } from '../queue/catalogue.ts';
import type { JobQueues } from '../queue/job-queues.ts';
import { enqueueJob } from '../queue/job-request.ts';
import { listDailySettings } from '../store/daily-question.ts';
import type { Database } from '../store/prisma.ts';
import { queueFollowUps } from '../workflows/outbox.ts';
import type { SandboxClock } from './sandbox-clock.ts';

/**
 * "Skip to the next thing": the app behaves as if that moment had come, without sleeping through
 * real delays. The sandbox's clock (which the app, its jobs and the Slack stand-in all read) moves
 * to the next moment anything happens, and the BullMQ jobs due by then run:
 *
 * - A delayed job's due time in Redis is real time; the sandbox keeps every delayed job's real due
 *   time at "virtual due time − clock offset", so after a skip it promotes the jobs now due and
 *   moves the rest earlier by the distance skipped (`changeDelay`). Jobs the outbox relays later
 *   are added with delays counted on the sandbox clock already (runAt − now()).
 * - Job schedulers (the matching sweep, the reconciler) keep to real time; the daily question's
 *   next run is computed from each workspace's settings, and when it comes the app's own start-up
 *   catch-up job is queued (through the outbox), which posts the question that is now owed.
 * - A session's start has no job of its own, but is worth stopping at: the clock just moves there.
 */

export interface Upcoming {
  at: number;
  label: string;
  kind: 'job' | 'session-start' | 'daily-question';
}

/** Queues whose jobs a skip moves: everything but the real-time schedulers. */
const SCHEDULER_QUEUES = new Set<JobName>(['sweep-pools', 'reconcile']);

const JOB_LABELS: Partial<Record<JobName, string>> = {
  'session-confirm-nudge': 'Nudge to confirm a proposed time',
  'session-release': 'An unconfirmed session is released',
  'session-check-in': '“How did it go?” after a session',
  'session-feedback-nudge': 'Nudge to give feedback',
  'feedback-reveal': 'Feedback revealed at its deadline',
  'expire-request': 'An open request expires',
  'notify-left-out': 'A member left out by the sweep is told',
  'post-session-intro': 'A session intro',
  'match-pool': 'Matching',
  'publish-home': 'Home tab refresh',
  'session-prompts': 'Prompts for the interviewers',
  'session-announce': 'A session change is announced',
  'member-lapse-check': 'Lapsed-sessions check',
};

interface DelayedJob {
  queue: Queue;
  id: string;
  name: JobName;
  /** On the sandbox clock. */
  dueAt: number;
  data: Record<string, unknown>;
}

export class TimeTravel {
  constructor(private readonly deps: { clock: SandboxClock; queues: JobQueues; db: Database }) {}

  /**
   * What happens next, soonest first. `settle` first lets the relay turn follow-ups committed a
   * moment ago into jobs (a skip needs that; the page's list can do without the wait).
   */
  async upcoming(limit = 8, settle = true): Promise<Upcoming[]> {
    if (settle) await this.outboxRelayed();
    const now = this.deps.clock.nowMs();
    const [jobs, starts, daily] = await Promise.all([
      this.delayedJobs(),
      this.sessionStarts(now),
      this.dailyRuns(now),
    ]);
    const things: Upcoming[] = [
      ...jobs
        .filter((job) => job.name !== 'publish-home')
        .map((job) => ({ at: job.dueAt, label: jobLabel(job), kind: 'job' as const })),
      ...starts,
      ...daily,
    ];
    return things.sort((a, b) => a.at - b.at).slice(0, limit);
  }

  /** Moves to the next thing and makes it happen; null when nothing is ahead. */
  async skipToNext(): Promise<Upcoming | null> {
    const [next] = await this.upcoming(1);
    if (!next) return null;
    await this.skipTo(next.at);
    if (next.kind === 'daily-question') {
      // The catch-up the app runs at start-up: posts the question owed at the (new) current time.
      await queueFollowUps(this.deps.db, [enqueueJob('daily-question-catch-up', { requestedAt: next.at })]);
    }
    return next;
  }

  /** Moves the clock to `at` (if ahead) and keeps every delayed job due on the sandbox clock. */
  async skipTo(at: number): Promise<void> {
    const jobs = await this.delayedJobs();
    this.deps.clock.advanceTo(at);
    const now = this.deps.clock.nowMs();
    for (const job of jobs) {
      const bull = await job.queue.getJob(job.id);
      if (!bull) continue;
      try {
        if (job.dueAt <= now) await bull.promote();
        else await bull.changeDelay(job.dueAt - now);
      } catch {
        // The job ran, moved or was removed meanwhile: nothing to do.
      }
    }
  }

  private async delayedJobs(): Promise<DelayedJob[]> {
    const offset = this.deps.clock.offsetMs;
    const found: DelayedJob[] = [];
    for (const queue of this.deps.queues.all()) {
      const name = queue.name as JobName;
      if (SCHEDULER_QUEUES.has(name)) continue;
      // The queues run on ioredis (src/queue/redis.ts).
      const client = (await queue.getBackend().client) as unknown as Redis;
      const entries = await client.zrange(queue.keys.delayed!, '0', '-1', 'WITHSCORES');
      for (let index = 0; index < entries.length; index += 2) {
        const id = entries[index]!;
        // BullMQ's score is the due time (ms) times 4096, plus an ordering counter.
        const realDue = Math.floor(Number(entries[index + 1]) / 0x1000);
        const job = await queue.getJob(id);
        // A job scheduler's next run (the daily question) stays on real time.
        if (!job || job.repeatJobKey) continue;
        found.push({
          queue,
          id,
          name,
          dueAt: realDue + offset,
          data: (job.data ?? {}) as Record<string, unknown>,
        });
      }
    }
    return found;
  }

  private async sessionStarts(now: number): Promise<Upcoming[]> {
    const sessions = await this.deps.db.session.findMany({
      where: { status: 'CONFIRMED', startsAt: { gt: new Date(now) } },
      orderBy: { startsAt: 'asc' },
      take: 3,
      select: { startsAt: true, interviewType: true },
    });
    return sessions.map((session) => ({
      at: session.startsAt.getTime(),
      label: `A ${interviewTypeLabel(session.interviewType)} session starts`,
      kind: 'session-start' as const,
    }));
  }

  private async dailyRuns(now: number): Promise<Upcoming[]> {
    const settings = await listDailySettings(this.deps.db);
    return settings
      .filter((each) => each.enabled)
      .map((each) => nextRunAfter(each, now))
      .filter((at): at is number => at !== null)
      .map((at) => ({ at, label: 'The daily practice question', kind: 'daily-question' as const }));
  }

  /** Follow-ups committed a moment ago may not be jobs yet; the relay takes a second at most. */
  private async outboxRelayed(): Promise<void> {
    for (let tries = 0; tries < 30; tries += 1) {
      const pending = await this.deps.db.outboxEntry.count({ where: { relayedAt: null } });
      if (pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function jobLabel(job: DelayedJob): string {
  if (job.name === 'session-reminder') {
    const minutes = Math.round(Number(job.data.beforeStartMs ?? 0) / 60_000);
    const before = minutes >= 120 && minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
    return `Reminder, ${before} before a session`;
  }
  return JOB_LABELS[job.name] ?? job.name;
}
