import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { findMemberId } from '../../store/erasure.ts';
import { forgetMember } from '../../workflows/forget-member.ts';
import { forgottenMessage } from '../blocks/forget-me.ts';
import { respondSafely } from '../respond-safely.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const pressSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string().min(1) }),
});

/**
 * "Erase my data", pressed after `/mock forget-me` and Slack's confirm dialog
 * (src/workflows/forget-member.ts says what goes, and in which order).
 */
export function forgetMeButton(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const press = pressSchema.parse(body);
      const memberId = await findMemberId(deps.db, press.team.id, press.user.id);
      if (!memberId) return forgottenMessage(0);
      const calledOff = await forgetMember(deps, { memberId, slackUserId: press.user.id });
      deps.logger.info({ cancelledSessions: calledOff }, 'member erased on request');
      return { ...forgottenMessage(calledOff), replace_original: true };
    });
  };
}
