import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { openProfileForm } from '../forms/profile-form.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerFor, buttonPressSchema, memberRefOf } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Edit profile" on the Home tab: the same modal as `/mock profile`. */
export function editProfileButton(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad edit-profile press');
      return;
    }
    const { trigger_id: triggerId } = press.data;
    respondSafely(answerFor(respond, client, triggerId), deps.logger, () =>
      openProfileForm(deps, client, memberRefOf(press.data), triggerId),
    );
  };
}
