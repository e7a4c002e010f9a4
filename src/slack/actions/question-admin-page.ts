import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { updateModal } from '../modal-calls.ts';
import { questionListView, requireQuestionOrganizer } from '../question-admin.ts';
import { memberRefOf } from './home-answer.ts';
import { answerInModal, questionPressSchema } from './question-admin-press.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Previous" / "Next" in the list: the button's value is the page to show, redrawn in place. */
export function pageQuestionsButton(deps: AppDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = questionPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad question-page press');
      return;
    }
    const { trigger_id: triggerId, view, actions } = press.data;
    await answerInModal(client, triggerId, deps.logger, async () => {
      const workspaceId = await requireQuestionOrganizer(deps, client, memberRefOf(press.data));
      // questionListView keeps the page within those there are, whatever the value says.
      const page = Number.parseInt(actions[0]?.value ?? '0', 10);
      await updateModal(
        client,
        view.id,
        await questionListView(deps, workspaceId, Number.isFinite(page) ? page : 0),
      );
      return null;
    });
  };
}
