import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { AppDeps } from '../../app-deps.ts';
import { pushModal } from '../modal-calls.ts';
import { requireQuestionOrganizer } from '../question-admin.ts';
import { memberRefOf } from './home-answer.ts';
import { answerInModal, pageOf, questionPressSchema } from './question-admin-press.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "Add question" and "Import CSV or YAML…" in the list: the organizer check, then a form stacked
 * on the list (so Back returns to the same page), built by `form`.
 */
export function pushQuestionForm(deps: AppDeps, form: (list: { page: number }) => ModalView) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = questionPressSchema.safeParse(body);
    if (!press.success) {
      deps.logger.warn('bad question-admin press');
      return;
    }
    const { trigger_id: triggerId, view } = press.data;
    await answerInModal(client, triggerId, deps.logger, async () => {
      await requireQuestionOrganizer(deps, client, memberRefOf(press.data));
      await pushModal(client, triggerId, form({ page: pageOf(view.private_metadata) }));
      return null;
    });
  };
}
