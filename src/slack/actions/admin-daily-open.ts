import type { AllMiddlewareArgs, BlockAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { noticeModal } from '../blocks/feedback-notice-modal.ts';
import { openDailySettingsModal } from '../forms/admin-forms.ts';
import { pushModal } from '../modal-calls.ts';
import { respondSafely } from '../respond-safely.ts';
import { buttonPressSchema, memberRefOf } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "Daily question…" in the organizer settings: the daily question's modal, stacked on top, so
 * closing it returns to the settings. The organizer check runs again: the press is a request of
 * its own, and anyone can forge one.
 */
export function openDailySettingsButton(deps: AppDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad daily-settings press');
      return;
    }
    const { trigger_id: triggerId } = press.data;
    // A press in a modal has no response_url: a refusal or a failure is stacked as a small notice.
    const inModal = async (message: Parameters<RespondFn>[0]): Promise<void> => {
      const text = typeof message === 'string' ? message : (message.text ?? '');
      await pushModal(client, triggerId, noticeModal('Daily question', text));
    };
    respondSafely(inModal as unknown as RespondFn, deps.logger, () =>
      openDailySettingsModal(deps, client, memberRefOf(press.data), triggerId, 'push'),
    );
  };
}
