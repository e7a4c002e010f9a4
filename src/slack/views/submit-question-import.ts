import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { planQuestionImport } from '../../domain/question-bank/question-import.ts';
import type { BankQuestion } from '../../domain/question-bank/question-schema.ts';
import { findQuestionIds, importWorkspaceQuestions } from '../../store/workspace-questions.ts';
import { QUESTION_IMPORT_MODAL, questionImportReport } from '../blocks/question-admin-import.ts';
import { failureMessage, refreshQuestionList, requireQuestionOrganizer } from '../question-admin.ts';
import { slackTeamIdOf } from '../slack-team.ts';
import { inlineError, UNREADABLE_FORM } from './form-answers.ts';
import { viewInput, viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({ state: viewStateSchema, previous_view_id: z.string().nullish() }),
});

/**
 * The import form's submit: every row is judged with the bank's rules, the good ones are upserted
 * by id within the workspace in one transaction, and the form is replaced by a report that names
 * each bad row and what is wrong with it, field by field. A paste that cannot be read at all (not
 * CSV or YAML, an unknown column) is said inline and nothing is imported. The organizer check
 * runs again here: a submission is just an HTTP request.
 */
export function submitQuestionImport(deps: AppDeps) {
  return async ({ ack, body, client }: ViewArgs): Promise<void> => {
    const block = QUESTION_IMPORT_MODAL.block;
    const submission = submissionSchema.safeParse(body);
    if (!submission.success) {
      deps.logger.warn('bad question import');
      await ack(inlineError(block, UNREADABLE_FORM));
      return;
    }
    const { team, user, view } = submission.data;

    try {
      const workspaceId = await requireQuestionOrganizer(deps, client, {
        slackTeamId: slackTeamIdOf({ team, user }),
        slackUserId: user.id,
      });
      const ids = await findQuestionIds(deps.db, workspaceId);
      const plan = planQuestionImport(viewInput(view.state, block).text, {
        builtInSlugs: ids.builtIn,
        existing: ids.own,
      });
      if (!plan.ok) {
        await ack({ response_action: 'errors', errors: { [block]: plan.message } });
        return;
      }
      const valid = plan.rows.flatMap((row): BankQuestion[] => (row.ok ? [row.question] : []));
      const saved = await importWorkspaceQuestions(deps.db, workspaceId, valid);
      deps.logger.info(
        { workspaceId, rows: plan.rows.length, imported: saved.length, format: plan.format },
        'workspace questions imported',
      );
      await ack({
        response_action: 'update',
        view: questionImportReport({
          format: plan.format,
          rows: plan.rows,
          saved: new Map(saved.map((each) => [each.slug, each])),
        }),
      });
      // The list under the report shows the new questions at the top, newest first.
      if (saved.some((each) => each.outcome !== 'unchanged'))
        await refreshQuestionList(deps, client, view.previous_view_id, workspaceId, 0);
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [block]: failureMessage(deps, error, 'import') } });
    }
  };
}
