import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { questionFormModal } from '../blocks/question-admin-form.ts';
import { pushModal } from '../modal-calls.ts';
import { requireOwnQuestion, requireQuestionOrganizer } from '../question-admin.ts';
import { memberRefOf } from './home-answer.ts';
import { answerInModal, pageOf, questionIdOf, questionPressSchema } from './question-admin-press.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "Edit" beside a question: its form, filled in as stored. The press names a question by id,
 * which anyone can forge, so it must be one of this workspace's own (never a built-in) and the
 * presser an organizer, checked here on every press.
 */
export function editQuestionButton(deps: AppDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = questionPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad edit-question press');
      return;
    }
    const { trigger_id: triggerId, view } = press.data;
    await answerInModal(client, triggerId, deps.logger, async () => {
      const workspaceId = await requireQuestionOrganizer(deps, client, memberRefOf(press.data));
      const question = await requireOwnQuestion(deps, workspaceId, questionIdOf(press.data));
      await pushModal(
        client,
        triggerId,
        questionFormModal({ question, page: pageOf(view.private_metadata) }),
      );
      return null;
    });
  };
}
