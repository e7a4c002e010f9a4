import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { eraseMember, findMemberId, liveSessionIds } from '../../store/erasure.ts';
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
      await eraseMember(deps.db, memberId);
      deps.logger.info({ cancelledSessions: sessions.length }, 'member erased on request');
      return { ...forgottenMessage(sessions.length), replace_original: true };
    });
  };
}
