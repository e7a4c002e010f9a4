import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { setWorkspaceQuestionRetired } from '../../store/workspace-questions.ts';
import { updateModal } from '../modal-calls.ts';
import { questionListView, requireOwnQuestion, requireQuestionOrganizer } from '../question-admin.ts';
import { memberRefOf } from './home-answer.ts';
import { answerInModal, pageOf, questionIdOf, questionPressSchema } from './question-admin-press.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "Retire" and "Restore" beside a question. A retired question is no longer asked (sessions,
 * `/mock question` and the daily question read only active ones) but stays stored: sessions and
 * posts that used it still point at it. The list is redrawn in place, on the page it showed.
 */
export function retireQuestionButton(deps: AppDeps, change: 'retire' | 'restore') {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = questionPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn({ change }, 'bad retire-question press');
      return;
    }
    const { trigger_id: triggerId, view } = press.data;
    await answerInModal(client, triggerId, deps.logger, async () => {
      const workspaceId = await requireQuestionOrganizer(deps, client, memberRefOf(press.data));
      const question = await requireOwnQuestion(deps, workspaceId, questionIdOf(press.data));
      await setWorkspaceQuestionRetired(
        deps.db,
        workspaceId,
        question.id,
        change === 'retire' ? deps.now() : null,
      );
      deps.logger.info({ workspaceId, questionId: question.id, change }, 'workspace question changed');
      await updateModal(
        client,
        view.id,
        await questionListView(deps, workspaceId, pageOf(view.private_metadata)),
      );
      return null;
    });
  };
}
