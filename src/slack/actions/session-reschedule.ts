import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reopenProposal } from '../../store/sessions.ts';
import { respondSafely } from '../respond-safely.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { applySessionChange } from './apply-session-change.ts';
import { STALE_MESSAGES, sessionActionSchema, sessionIdOf } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Pick another time" / "We rescheduled": back to choosing among the offered times still ahead. */
export function rescheduleSessionButton(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return { text: STALE_MESSAGES.changed!, blocks: [] };
      const change = await reopenProposal(deps.db, {
        sessionId,
        slackUserId: payload.user.id,
        now: deps.now(),
      });
      if (change.kind === 'stale') {
        const text =
          change.reason === 'changed'
            ? 'None of the offered times is still ahead. Cancel this session and ask again with `/mock`, and you both keep priority.'
            : STALE_MESSAGES[change.reason]!;
        return { text, blocks: [] };
      }
      const actor = change.session.participants.find((p) => p.slackUserId === payload.user.id)?.memberId;
      await applySessionChange(deps, change, 'reopened', actor);
      return null;
    });
  };
}
