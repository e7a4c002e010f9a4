import type { AppDeps } from '../app-deps.ts';
import { eraseMemberJobs } from '../store/erase-member-jobs.ts';
import { eraseMember, liveSessionIds, memberSessionIds } from '../store/erasure.ts';
import { changeSession } from './change-session.ts';

/**
 * Erases a member, for `/mock forget-me` and for a revoked user token alike: their sessions still
 * ahead are called off first (the partner is told their partner left and keeps their priority;
 * nothing counts against anyone), then the member and everything they own is deleted, then their
 * own jobs in Redis. With Redis away the member is still erased: what is left there names a member
 * who no longer exists and lapses with BullMQ's retention. Returns how many sessions were called off.
 */
export async function forgetMember(
  deps: Pick<AppDeps, 'db' | 'config' | 'now' | 'queues' | 'logger'>,
  member: { memberId: string; slackUserId: string },
): Promise<number> {
  const live = await liveSessionIds(deps.db, member.memberId);
  for (const sessionId of live)
    await changeSession(deps, sessionId, { kind: 'member-erased', memberId: member.memberId });
  const sessionIds = await memberSessionIds(deps.db, member.memberId);
  await eraseMember(deps.db, member.memberId);
  try {
    const { busy } = await eraseMemberJobs(deps.queues.all(), { ...member, sessionIds });
    if (busy > 0) deps.logger.info({ busy }, 'erased member had jobs running; they will find nobody');
  } catch (error) {
    deps.logger.warn(
      { err: (error as Error).message },
      'could not remove an erased member’s jobs from Redis',
    );
  }
  return live.length;
}
