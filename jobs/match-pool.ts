import { planSessions, toOpenRequests } from '../src/domain/matching/plan-sessions.ts';
import { reliabilityByMember } from '../src/domain/matching/reliability.ts';
import { matchPool } from '../src/domain/matching/solve-pool.ts';
import { matchingConfigFor, sessionTimingFor, sweepIntervalMsFor } from '../src/domain/workspace-settings.ts';
import { metrics } from '../src/observability/metrics.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { scheduleSessionJobs } from '../src/queue/session-schedule.ts';
import { loadMatchablePool, recordMatchRun, withMatchingLock } from '../src/store/matching-pool.ts';
import { findSession } from '../src/store/sessions.ts';
import { findWorkspaceSettings } from '../src/store/workspace-settings.ts';
import type { JobContext } from './job-context.ts';

/**
 * Matches a workspace's open pool: at once after a new request, and on every sweep. The whole
 * read-solve-write runs under the workspace's matching lock; intros are enqueued only after the
 * transaction commits, so no intro can announce a session that was rolled back; so are each
 * session's follow-ups (confirmation nudge and release, or reminders and the check-in).
 */
export async function matchPoolJob(payload: JobPayload<'match-pool'>, context: JobContext): Promise<void> {
  // The workspace's organizer settings bend the defaults: limits here, follow-ups and sweep below.
  const settings = await findWorkspaceSettings(context.db, payload.workspaceId);
  const config = matchingConfigFor(settings);
  const now = context.now();
  const started = performance.now();
  const { sessionIds, leftOut } = await withMatchingLock(context.db, payload.workspaceId, async (tx) => {
    const pool = await loadMatchablePool(
      tx,
      payload.workspaceId,
      now,
      config.cooldownDays + config.noveltyRecoveryDays,
    );
    const requests = toOpenRequests(pool.requests, now, config.horizonDays);
    const matchingContext = {
      blockedPairs: pool.blockedPairs,
      recentPairings: pool.recentPairings,
      reliability: reliabilityByMember(pool.attendance, config.defaultReliability),
      roleBalance: [],
    };
    const matching = matchPool(requests, matchingContext, config, now);
    const leftOut = matching.unmatched
      .filter((entry) => entry.reason === 'odd-one-out')
      .map((entry) => entry.id);
    const sessionIds = await recordMatchRun(tx, {
      workspaceId: payload.workspaceId,
      trigger: payload.trigger,
      input: {
        now: now.toISOString(),
        config,
        requests,
        context: matchingContext,
        summary: matching.summary,
      },
      durationMs: Math.round(performance.now() - started),
      sessions: planSessions(matching, requests, {
        now: now.getTime(),
        nowLeadMs: context.config.sessions.nowLeadMs,
      }),
      leftOutRequestIds: leftOut,
      now,
    });
    return { sessionIds, leftOut };
  });
  context.logger.info(
    { workspaceId: payload.workspaceId, trigger: payload.trigger, sessions: sessionIds.length },
    'matched',
  );
  metrics.matchesMade.inc({ trigger: payload.trigger }, sessionIds.length);
  metrics.sessions.inc({ event: 'created' }, sessionIds.length);
  const timing = sessionTimingFor(context.config.sessions, settings);
  for (const sessionId of sessionIds) {
    await context.queues.enqueue('post-session-intro', { sessionId });
    const session = await findSession(context.db, sessionId);
    if (session) await scheduleSessionJobs(context.queues, session, timing, now.getTime());
  }
  // Only sweeps tell the odd one out: an instant match that misses is simply waiting for the sweep.
  if (payload.trigger === 'sweep') {
    const nextSweepAt = now.getTime() + sweepIntervalMsFor(settings, context.config.matching.sweepIntervalMs);
    for (const requestId of leftOut)
      await context.queues.enqueue('notify-left-out', { requestId, nextSweepAt });
  }
}
