import { interviewerQualityByMember } from '../src/domain/feedback/interviewer-rating.ts';
import { reliabilityByMember } from '../src/domain/matching/reliability.ts';
import { matchingConfigFor, sessionTimingFor, sweepIntervalMsFor } from '../src/domain/workspace-settings.ts';
import { sharedMatchingThreads } from '../src/matching-threads/matching-threads.ts';
import { metrics } from '../src/observability/metrics.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { enqueueJob } from '../src/queue/job-request.ts';
import { loadMatchablePool, recordMatchRun, withMatchingLock } from '../src/store/matching-pool.ts';
import { findWorkspaceSettings } from '../src/store/workspace-settings.ts';
import { writeFollowUps } from '../src/workflows/outbox.ts';
import { sessionsCreatedEntries } from '../src/workflows/sessions-created.ts';
import type { JobContext } from './job-context.ts';

/**
 * Matches a workspace's open pool: at once after a new request, and on every sweep. The whole
 * read-solve-write runs under the workspace's matching lock (the solve itself on a matching
 * thread, src/matching-threads), in one transaction that also writes
 * each new session's follow-ups (its intro, confirmation nudge and release, or reminders and the
 * check-in) and the left-out notes to the outbox: Redis going away after the commit delays them,
 * never loses them.
 */
export async function matchPoolJob(payload: JobPayload<'match-pool'>, context: JobContext): Promise<void> {
  // The workspace's organizer settings bend the defaults: limits here, follow-ups and sweep below.
  const settings = await findWorkspaceSettings(context.db, payload.workspaceId);
  const config = matchingConfigFor(settings);
  const timing = sessionTimingFor(context.config.sessions, settings);
  const now = context.now();
  const started = performance.now();
  const sessionIds = await withMatchingLock(context.db, payload.workspaceId, async (tx) => {
    const pool = await loadMatchablePool(
      tx,
      payload.workspaceId,
      now,
      config.cooldownDays + config.noveltyRecoveryDays,
    );
    const matchingContext = {
      blockedPairs: pool.blockedPairs,
      recentPairings: pool.recentPairings,
      reliability: reliabilityByMember(pool.attendance, config.defaultReliability),
      interviewerQuality: interviewerQualityByMember(pool.interviewerRatings),
      roleBalance: [],
    };
    // Expanding the requests, the solve and planning the sessions run on a matching thread:
    // seconds of CPU on a large pool, while this event loop keeps serving reminders and renewing
    // job locks. The lock (and this transaction) stay held meanwhile, so a workspace's runs still
    // take turns and each sees the sessions the one before wrote.
    const { requests, matching, sessions, threadId } = await sharedMatchingThreads().planSweep({
      requests: pool.requests,
      context: matchingContext,
      config,
      plan: { now: now.getTime(), nowLeadMs: context.config.sessions.nowLeadMs },
    });
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
        solvedOnThread: threadId,
      },
      durationMs: Math.round(performance.now() - started),
      sessions,
      leftOutRequestIds: leftOut,
      now,
    });
    const followUps = await sessionsCreatedEntries(tx, sessionIds, {
      now,
      timing,
      requestTtlMs: context.config.matching.requestTtlMs,
    });
    // Only sweeps tell the odd one out: an instant match that misses is simply waiting for the sweep.
    if (payload.trigger === 'sweep') {
      const nextSweepAt =
        now.getTime() + sweepIntervalMsFor(settings, context.config.matching.sweepIntervalMs);
      for (const requestId of leftOut)
        followUps.push(enqueueJob('notify-left-out', { requestId, nextSweepAt }));
    }
    await writeFollowUps(tx, followUps);
    return sessionIds;
  });
  context.logger.info(
    { workspaceId: payload.workspaceId, trigger: payload.trigger, sessions: sessionIds.length },
    'matched',
  );
  metrics.matchesMade.inc({ trigger: payload.trigger }, sessionIds.length);
  metrics.sessions.inc({ event: 'created' }, sessionIds.length);
}
