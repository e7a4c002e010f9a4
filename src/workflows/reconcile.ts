import type { Queue } from 'bullmq';
import type { AppDeps } from '../app-deps.ts';
import type { SessionTiming } from '../config.ts';
import { sessionJobs } from '../domain/scheduling/session-jobs.ts';
import { sessionTimingFor } from '../domain/workspace-settings.ts';
import { metrics } from '../observability/metrics.ts';
import { type JobName, jobIdFor } from '../queue/catalogue.ts';
import { scheduleDailyQuestion } from '../queue/daily-question-schedule.ts';
import type { JobRequest, OutboxEntry } from '../queue/job-request.ts';
import { listDailySettings } from '../store/daily-question.ts';
import { outboxBacklog } from '../store/outbox.ts';
import { findOpenRequestExpiries } from '../store/partner-requests.ts';
import { clearUndelivered, findLiveSessionSchedules } from '../store/sessions.ts';
import { findWorkspaceSettings } from '../store/workspace-settings.ts';
import { queueFollowUps } from './outbox.ts';

export interface ReconcileReport {
  /** Follow-ups that should have been in Redis and were not, queued again through the outbox. */
  repaired: { intro: number; followUp: number; requestExpiry: number };
  /** Given-up deliveries sent back to their queue for another round of attempts. */
  retried: number;
  outbox: { pending: number; oldestAgeMs: number };
}

/**
 * A delivery given up on is tried again once it has rested a quarter of its retry window (half an
 * hour by default), for as long as it is recent enough to still matter.
 */
const RETRY_GIVEN_UP_FOR_MS = 2 * 24 * 3600_000;
/** An outbox row older than this means the relay is stuck (or no worker runs it). */
const OUTBOX_LAG_WARNING_MS = 60_000;
const STATE_CHECKS_AT_ONCE = 200;
/** Rows read, checked and repaired at a time: memory stays flat however large the community. */
const PAGE = 1_000;

/**
 * The safety net under the outbox: re-derives from PostgreSQL what must exist in Redis and repairs
 * drift. Every live session has its intro posted (or its intro job) and its current version's
 * follow-ups; every open request has its expiry; deliveries given up on are tried again; and the
 * outbox's lag is reported. Everything it queues has a deterministic id, so a repair that races
 * the relay is harmless.
 */
export async function reconcile(
  deps: Pick<AppDeps, 'db' | 'config' | 'queues' | 'logger' | 'now'>,
): Promise<ReconcileReport> {
  const now = deps.now();
  const repaired = { intro: 0, followUp: 0, requestExpiry: 0 };
  const repair = async (expected: Expected[]) => {
    const missing = await missingFromQueues(deps.queues, expected);
    for (const { kind } of missing) repaired[kind] += 1;
    await queueFollowUps(
      deps.db,
      missing.map(({ entry }): OutboxEntry => ({ action: 'enqueue', job: entry })),
    );
  };

  const timings = new Map<string, SessionTiming>();
  for (let afterId: string | null = null; ; ) {
    const sessions = await findLiveSessionSchedules(deps.db, { afterId, take: PAGE });
    const expected: Expected[] = [];
    for (const session of sessions) {
      let timing = timings.get(session.workspaceId);
      if (!timing) {
        timing = sessionTimingFor(
          deps.config.sessions,
          await findWorkspaceSettings(deps.db, session.workspaceId),
        );
        timings.set(session.workspaceId, timing);
      }
      if (!session.introPosted) {
        expected.push({
          kind: 'intro',
          entry: { name: 'post-session-intro', payload: { sessionId: session.id } },
        });
      }
      for (const job of sessionJobs(session, timing, now.getTime())) {
        expected.push({ kind: 'followUp', entry: job as JobRequest });
      }
    }
    await repair(expected);
    if (sessions.length < PAGE) break;
    afterId = sessions.at(-1)!.id;
  }
  for (let afterId: string | null = null; ; ) {
    const requests = await findOpenRequestExpiries(deps.db, { afterId, take: PAGE });
    await repair(
      requests.map((request) => {
        const expiresAt = request.expiresAt.getTime();
        return {
          kind: 'requestExpiry' as const,
          entry: { name: 'expire-request', payload: { requestId: request.id, expiresAt }, runAt: expiresAt },
        };
      }),
    );
    if (requests.length < PAGE) break;
    afterId = requests.at(-1)!.id;
  }
  metrics.reconcilerRepairs.inc({ kind: 'intro' }, repaired.intro);
  metrics.reconcilerRepairs.inc({ kind: 'follow-up' }, repaired.followUp);
  metrics.reconcilerRepairs.inc({ kind: 'request-expiry' }, repaired.requestExpiry);

  // Each workspace's daily-question scheduler, set again (idempotent): one saved while Redis was
  // away, or lost with Redis's data, comes back without waiting for a worker restart.
  for (const settings of await listDailySettings(deps.db)) await scheduleDailyQuestion(deps.queues, settings);

  const retried = await retryGivenUpDeliveries(deps, now);
  const outbox = await outboxBacklog(deps.db, now);
  metrics.outboxPending.set(outbox.pending);
  metrics.outboxOldestPendingSeconds.set(outbox.oldestAgeMs / 1000);

  const report = { repaired, retried, outbox };
  const drifted =
    repaired.intro + repaired.followUp + repaired.requestExpiry > 0 ||
    retried > 0 ||
    outbox.oldestAgeMs > OUTBOX_LAG_WARNING_MS;
  deps.logger[drifted ? 'warn' : 'debug'](report, drifted ? 'reconciler repaired drift' : 'reconciled');
  return report;
}

interface Expected {
  kind: 'intro' | 'followUp' | 'requestExpiry';
  entry: JobRequest;
}

async function missingFromQueues<T extends { entry: JobRequest }>(
  queues: { queue(name: JobName): Queue },
  expected: T[],
): Promise<T[]> {
  const missing: T[] = [];
  for (let start = 0; start < expected.length; start += STATE_CHECKS_AT_ONCE) {
    const batch = expected.slice(start, start + STATE_CHECKS_AT_ONCE);
    const states = await Promise.all(
      batch.map(({ entry }) =>
        queues.queue(entry.name).getJobState(jobIdFor(entry.name, entry.payload as never)),
      ),
    );
    batch.forEach((item, index) => {
      if (states[index] === 'unknown') missing.push(item);
    });
  }
  return missing;
}

/**
 * Deliveries whose attempts ran out (Slack down for hours) go back to their queue for another
 * round, once they have rested a while and while they are recent enough to still matter. A
 * permanent failure (the member left) used fewer attempts than it had and is never retried.
 */
async function retryGivenUpDeliveries(
  deps: Pick<AppDeps, 'db' | 'queues' | 'config'>,
  now: Date,
): Promise<number> {
  const restMs = deps.config.deliveryRetry.windowMs / 4;
  let retried = 0;
  for (const queue of deps.queues.all()) {
    const failed = await queue.getFailed(0, 499);
    for (const job of failed) {
      const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
      const rested = (job.finishedOn ?? 0) <= now.getTime() - restMs;
      const recent = job.timestamp >= now.getTime() - RETRY_GIVEN_UP_FOR_MS;
      if (!exhausted || !rested || !recent) continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried += 1;
      const sessionId = (job.data as { sessionId?: unknown }).sessionId;
      if (typeof sessionId === 'string') await clearUndelivered(deps.db, sessionId);
    }
  }
  metrics.reconcilerRepairs.inc({ kind: 'given-up-retry' }, retried);
  return retried;
}
