import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { ensureMember, setMatchingPause } from '../../store/members.ts';
import { respondSafely } from '../respond-safely.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const pressSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string().min(1) }),
});

/** "I am back: resume matching" in the auto-pause DM: the same as `/mock resume`, in one click. */
export function resumeMatchingButton(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const press = pressSchema.parse(body);
      const member = await ensureMember(deps.db, { slackTeamId: press.team.id, slackUserId: press.user.id });
      await setMatchingPause(deps.db, member.id, { pausedAt: null, snoozedUntil: null });
      const text = 'Welcome back: you can be matched again. `/mock` asks for a partner.';
      return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], replace_original: true };
    });
  };
}
