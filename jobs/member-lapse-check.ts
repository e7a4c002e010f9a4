import { LAPSES_BEFORE_PAUSE, shouldAutoPause } from '../src/domain/scheduling/auto-pause.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { autoPausedMessage } from '../src/slack/blocks/auto-paused.ts';
import { setMatchingPause } from '../src/store/members.ts';
import { recentSessionOutcomes } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

/**
 * After a session lapsed for a member: pause them if it was the last of several in a row, and tell
 * them why with a one-click way back. A member already paused is left as they are.
 */
export async function checkMemberLapses(
  payload: JobPayload<'member-lapse-check'>,
  context: JobContext,
): Promise<void> {
  const member = await context.db.member.findUnique({
    where: { id: payload.memberId },
    select: { workspaceId: true, slackUserId: true, pausedAt: true },
  });
  if (!member) return;
  const outcomes = await recentSessionOutcomes(context.db, payload.memberId, LAPSES_BEFORE_PAUSE);
  if (!shouldAutoPause(outcomes)) return;
  const key = `member-${payload.memberId}-auto-paused-${payload.sessionId}`;
  if (!member.pausedAt)
    await setMatchingPause(context.db, payload.memberId, { pausedAt: context.now(), snoozedUntil: null });
  const scoped = await context.inWorkspace(member.workspaceId);
  await scoped.outbound.postMessageOnce(key, {
    channel: member.slackUserId,
    ...autoPausedMessage(LAPSES_BEFORE_PAUSE),
  });
}
