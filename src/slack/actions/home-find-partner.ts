import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { openRequestForm } from '../forms/request-form.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerFor, buttonPressSchema, memberRefOf } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Find a partner" on the Home tab: the same modal as bare `/mock`. */
export function findPartnerButton(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad find-a-partner press');
      return;
    }
    const { trigger_id: triggerId } = press.data;
    respondSafely(answerFor(respond, client, triggerId), deps.logger, () =>
      openRequestForm(deps, client, memberRefOf(press.data), triggerId),
    );
  };
}
