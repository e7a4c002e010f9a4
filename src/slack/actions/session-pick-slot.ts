import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { pickSlot } from '../../store/sessions.ts';
import { slotValueSchema } from '../blocks/session-actions.ts';
import { respondSafely } from '../respond-safely.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { applySessionChange } from './apply-session-change.ts';
import { STALE_MESSAGES, sessionActionSchema } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Confirm" or "Pick this time" in the intro. */
export function pickSessionSlot(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const slot = slotValueSchema.safeParse(payload.actions[0]!.value);
      if (!slot.success) return { text: STALE_MESSAGES.changed!, blocks: [] };
      const outcome = await pickSlot(deps.db, {
        ...slot.data,
        slackUserId: payload.user.id,
        now: deps.now(),
      });
      if (outcome.kind === 'stale') return { text: STALE_MESSAGES[outcome.reason]!, blocks: [] };
      const actor = outcome.session.participants.find((p) => p.slackUserId === payload.user.id)?.memberId;
      if (outcome.kind === 'waiting') {
        // Nothing to reschedule yet; the intro is redrawn to show who has confirmed.
        await deps.queues.enqueue('session-announce', {
          sessionId: outcome.session.id,
          version: outcome.session.version,
          event: 'half-confirmed',
          ...(actor ? { memberId: actor } : {}),
        });
        return { text: 'Noted: you confirmed. I will tell you both when your partner does.', blocks: [] };
      }
      await applySessionChange(deps, outcome, outcome.kind === 'confirmed' ? 'confirmed' : 'moved', actor);
      return null;
    });
  };
}
