import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { changeSession } from '../../workflows/change-session.ts';
import { respondSafely } from '../respond-safely.ts';
import { STALE_MESSAGES, sessionActionSchema, sessionIdOf } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Pick another time" / "We rescheduled": back to choosing among the offered times still ahead. */
export function rescheduleSessionButton(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return { text: STALE_MESSAGES.changed, blocks: [] };
      const change = await changeSession(deps, sessionId, {
        kind: 'reschedule',
        slackUserId: payload.user.id,
      });
      if (change.kind === 'refused') return { text: change.message, blocks: [] };
      return null;
    });
  };
}
