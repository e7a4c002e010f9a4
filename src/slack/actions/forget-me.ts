import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { type ErasedMember, eraseMemberJobs } from '../../store/erase-member-jobs.ts';
import { eraseMember, findMemberId, liveSessionIds, memberSessionIds } from '../../store/erasure.ts';
import { changeSession } from '../../workflows/change-session.ts';
import { forgottenMessage } from '../blocks/forget-me.ts';
import { respondSafely } from '../respond-safely.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const pressSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string().min(1) }),
});

/**
 * "Erase my data", pressed after `/mock forget-me` and Slack's confirm dialog: sessions still
 * ahead are called off first (partners are told their partner left and keep their priority;
 * nothing counts against anyone), then the member and everything they own is deleted.
 */
export function forgetMeButton(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await respondSafely(respond, deps.logger, async () => {
      const press = pressSchema.parse(body);
      const memberId = await findMemberId(deps.db, press.team.id, press.user.id);
      if (!memberId) return forgottenMessage(0);
      const sessions = await liveSessionIds(deps.db, memberId);
      for (const sessionId of sessions)
        await changeSession(deps, sessionId, { kind: 'member-erased', memberId });
      const everySession = await memberSessionIds(deps.db, memberId);
      await eraseMember(deps.db, memberId);
      await eraseJobsOf(deps, { memberId, slackUserId: press.user.id, sessionIds: everySession });
      deps.logger.info({ cancelledSessions: sessions.length }, 'member erased on request');
      return { ...forgottenMessage(sessions.length), replace_original: true };
    });
  };
}

/**
 * The member's own jobs in Redis go too (store/erase-member-jobs.ts). With Redis away the member
 * is still erased: what is left there names a member who no longer exists and lapses with BullMQ's
 * retention (three days for finished jobs).
 */
export async function eraseJobsOf(deps: AppDeps, member: ErasedMember) {
  try {
    const { busy } = await eraseMemberJobs(deps.queues.all(), member);
    if (busy > 0) deps.logger.info({ busy }, 'erased member had jobs running; they will find nobody');
  } catch (error) {
    deps.logger.warn(
      { err: (error as Error).message },
      'could not remove an erased member’s jobs from Redis',
    );
  }
}
