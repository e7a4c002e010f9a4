import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { cancelSessionFor } from '../../workflows/cancel-session.ts';
import { respondSafely } from '../respond-safely.ts';
import { STALE_MESSAGES, sessionActionSchema, sessionIdOf } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Cancel session" (after Slack's confirm dialog). */
export function cancelSessionButton(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return { text: STALE_MESSAGES.changed, blocks: [] };
      return { ...(await cancelSessionFor(deps, sessionId, payload.user.id)), blocks: [] };
    });
  };
}
