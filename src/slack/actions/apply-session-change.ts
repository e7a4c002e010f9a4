import { sessionTimingFor } from '../../domain/workspace-settings.ts';
import { metrics } from '../../observability/metrics.ts';
import type { SESSION_EVENTS } from '../../queue/catalogue.ts';
import { scheduleSessionJobs, unscheduleSessionJobs } from '../../queue/session-schedule.ts';
import type { SessionRecord } from '../../store/sessions.ts';
import { findWorkspaceSettings } from '../../store/workspace-settings.ts';
import type { SlackDeps } from '../slack-deps.ts';

/**
 * After a member's change has committed: the old version's follow-ups go, the new version's are
 * queued, and the DM is told (by a job, so the message goes through the worker's paced gateway).
 */
export async function applySessionChange(
  deps: SlackDeps,
  change: { session: SessionRecord; previousVersion: number },
  event: (typeof SESSION_EVENTS)[number],
  actorMemberId: string | undefined,
): Promise<void> {
  const { session } = change;
  metrics.sessions.inc({ event });
  // The workspace's reminders, nudge and release; jobs an earlier setting queued are version-stale.
  const settings = await findWorkspaceSettings(deps.db, session.workspaceId);
  const timing = sessionTimingFor(deps.config.sessions, settings);
  await unscheduleSessionJobs(deps.queues, session.id, change.previousVersion, timing);
  await scheduleSessionJobs(deps.queues, session, timing, deps.now().getTime());
  await deps.queues.enqueue('session-announce', {
    sessionId: session.id,
    version: session.version,
    event,
    ...(actorMemberId ? { memberId: actorMemberId } : {}),
  });
  for (const { memberId } of session.participants) await deps.queues.enqueue('publish-home', { memberId });
}
