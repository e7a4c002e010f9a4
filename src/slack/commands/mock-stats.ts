import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { practiceStreak } from '../../domain/feedback/practice-streak.ts';
import { completedSessions } from '../../store/member-history.ts';
import type { MemberRef } from '../../store/members.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { practiceStatsMessage } from '../blocks/practice-stats.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/** `/mock stats`: the member's own practice in numbers, privately; App Home has the trends. */
export async function showStats(deps: AppDeps, client: WebClient, ref: MemberRef): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  const sessions = await completedSessions(deps.db, member.id);
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
  return practiceStatsMessage({ streak, byType, missed: sessions.length - attended.length });
}
