import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { changeSession } from '../../workflows/change-session.ts';
import { slotValueSchema } from '../blocks/session-actions.ts';
import { respondSafely } from '../respond-safely.ts';
import { STALE_MESSAGES, sessionActionSchema } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Confirm" or "Pick this time" in the intro. */
export function pickSessionSlot(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const slot = slotValueSchema.safeParse(payload.actions[0]!.value);
      if (!slot.success) return { text: STALE_MESSAGES.changed, blocks: [] };
      const change = await changeSession(deps, slot.data.sessionId, {
        kind: 'pick-slot',
        slackUserId: payload.user.id,
        version: slot.data.version,
        slot: slot.data.slot,
      });
      if (change.kind === 'refused') return { text: change.message, blocks: [] };
      if (change.outcome === 'waiting') {
        return { text: 'Noted: you confirmed. I will tell you both when your partner does.', blocks: [] };
      }
      // The intro itself is redrawn in the DM, which both of them see.
      return null;
    });
  };
}
