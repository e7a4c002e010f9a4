import {
  isSweepDue,
  SETTINGS_LIMITS,
  sweepIntervalMsFor,
  sweepTickMs,
} from '../src/domain/workspace-settings.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { enqueueJob, type OutboxEntry } from '../src/queue/job-request.ts';
import { workspacesWithOpenRequests } from '../src/store/partner-requests.ts';
import { sweepStates } from '../src/store/workspace-settings.ts';
import { queueFollowUps } from '../src/workflows/outbox.ts';
import type { JobContext } from './job-context.ts';

/**
 * The periodic sweep: one matching run per workspace with open requests whose own sweep interval
 * (its organizer setting, else MATCH_SWEEP_INTERVAL_SECONDS) has passed since its last sweep.
 */
export async function sweepPools(_payload: JobPayload<'sweep-pools'>, context: JobContext): Promise<void> {
  const now = context.now();
  const defaultMs = context.config.matching.sweepIntervalMs;
  const tickMs = sweepTickMs(defaultMs);
  const workspaceIds = await workspacesWithOpenRequests(context.db, now);
  const longestIntervalMs = Math.max(defaultMs, SETTINGS_LIMITS.sweepIntervalMinutes.max * 60_000);
  const states = await sweepStates(context.db, workspaceIds, { now, longestIntervalMs });
  const runs: OutboxEntry[] = [];
  for (const workspaceId of workspaceIds) {
    const state = states.get(workspaceId) ?? { sweepIntervalMinutes: null, lastSweepAt: null };
    const intervalMs = sweepIntervalMsFor(state, defaultMs);
    const lastSweepAt = state.lastSweepAt?.getTime() ?? null;
    if (!isSweepDue({ lastSweepAt, intervalMs, tickMs, now: now.getTime() })) continue;
    runs.push(enqueueJob('match-pool', { workspaceId, trigger: 'sweep' }));
  }
  await queueFollowUps(context.db, runs);
}
