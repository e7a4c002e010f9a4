import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { questionFormModal } from '../blocks/question-admin-form.ts';
import { requireQuestionOrganizer } from '../question-admin.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { memberRefOf } from './home-answer.ts';
import { answerInModal, pageOf, questionPressSchema } from './question-admin-press.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Add question" in the list: an empty form, stacked on the list so Back returns to it. */
export function addQuestionButton(deps: SlackDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = questionPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad add-question press');
      return;
    }
    const { trigger_id: triggerId, view } = press.data;
    await answerInModal(client, triggerId, deps.logger, async () => {
      await requireQuestionOrganizer(deps, client, memberRefOf(press.data));
      await client.views.push({
        trigger_id: triggerId,
        view: questionFormModal({ page: pageOf(view.private_metadata) }),
      });
      return null;
    });
  };
}
