import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { openSettingsModal } from '../forms/admin-forms.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerFor, buttonPressSchema, memberRefOf } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "Organizer settings" (for a Home tab or a message): the same modal as `/mock admin`. Showing the
 * button only to organizers is a courtesy; the check that counts runs here, on every press.
 */
export function openAdminSettingsButton(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad organizer-settings press');
      return;
    }
    const { trigger_id: triggerId } = press.data;
    respondSafely(answerFor(respond, client, triggerId), deps.logger, () =>
      openSettingsModal(deps, client, memberRefOf(press.data), triggerId),
    );
  };
}
