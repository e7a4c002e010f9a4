import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { questionImportModal } from '../blocks/question-admin-import.ts';
import { requireQuestionOrganizer } from '../question-admin.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { memberRefOf } from './home-answer.ts';
import { answerInModal, pageOf, questionPressSchema } from './question-admin-press.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Import CSV or YAML…" in the list: the paste form, stacked on the list. */
export function importQuestionsButton(deps: SlackDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = questionPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad import-questions press');
      return;
    }
    const { trigger_id: triggerId, view } = press.data;
    await answerInModal(client, triggerId, deps.logger, async () => {
      await requireQuestionOrganizer(deps, client, memberRefOf(press.data));
      await client.views.push({
        trigger_id: triggerId,
        view: questionImportModal({ page: pageOf(view.private_metadata) }),
      });
      return null;
    });
  };
}
