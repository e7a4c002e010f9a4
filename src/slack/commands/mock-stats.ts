import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { practiceStreak } from '../../domain/feedback/practice-streak.ts';
import { enqueueJob } from '../../queue/job-request.ts';
import { completedSessions, feedbackReceivedBy } from '../../store/member-history.ts';
import type { MemberRef } from '../../store/members.ts';
import { queueFollowUps } from '../../workflows/outbox.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { practiceStatsMessage } from '../blocks/practice-stats.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/**
 * `/mock stats`: the member's own practice in numbers, privately; App Home has the trends. The
 * charts are drawn and sent by a job (stats-charts): drawing takes a worker's CPU and memory, and
 * the text answer must not wait for it. The job is queued for everyone, since an organizer without
 * feedback still gets the community's chart; it sends nothing when there is nothing to draw.
 */
export async function showStats(deps: AppDeps, client: WebClient, ref: MemberRef): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  const [sessions, feedback] = await Promise.all([
    completedSessions(deps.db, member.id),
    feedbackReceivedBy(deps.db, member.id, 1),
  ]);
  const attended = sessions.filter((session) => !session.missed);
  const now = deps.now().getTime();
  const streak = practiceStreak(
    attended.map((session) => session.startsAt),
    now,
    member.timezone ?? 'UTC',
  );
  const byType = new Map<string, number>();
  for (const session of attended)
    byType.set(session.interviewType, (byType.get(session.interviewType) ?? 0) + 1);
  await queueFollowUps(deps.db, [enqueueJob('stats-charts', { memberId: member.id, requestedAt: now })]);
  return practiceStatsMessage({
    streak,
    byType,
    missed: sessions.length - attended.length,
    feedbackCharts: feedback.length > 0 ? 'on-the-way' : 'after-first-feedback',
  });
}
