import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import {
  type EditedQuestion,
  type QuestionFormField,
  readQuestionForm,
} from '../../domain/question-bank/question-form.ts';
import { AppError } from '../../errors.ts';
import {
  addWorkspaceQuestion,
  findQuestionIds,
  QuestionSlugTakenError,
  updateWorkspaceQuestion,
  type WorkspaceQuestion,
} from '../../store/workspace-questions.ts';
import { QUESTION_FORM_MODAL } from '../blocks/question-admin-form.ts';
import {
  failureMessage,
  refreshQuestionList,
  requireOwnQuestion,
  requireQuestionOrganizer,
} from '../question-admin.ts';
import { slackTeamIdOf } from '../slack-team.ts';
import { UNREADABLE_FORM } from './form-answers.ts';
import { questionFormValues } from './question-form-values.ts';
import { viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    state: viewStateSchema,
    private_metadata: z.string().max(3000),
    previous_view_id: z.string().nullish(),
  }),
});

/** The form's private_metadata (see QuestionFormPlace): which question, and the list's page. */
const placeSchema = z.object({
  questionId: z.uuid().optional(),
  page: z.number().int().min(0).max(10_000),
});

/**
 * The add/edit question form's submit. The organizer check runs again, and an edit must name one
 * of this workspace's own questions: the question id is in the form's metadata, which a forged
 * submission can set to anything, a built-in's included. Saved before the acknowledgement, so a
 * failure keeps the form open with everything still in it; then the form closes and the list
 * beneath it is redrawn with the change.
 */
export function submitQuestionForm(deps: AppDeps) {
  return async ({ ack, body, client }: ViewArgs): Promise<void> => {
    const firstBlock = QUESTION_FORM_MODAL.blocks.type;
    const submission = submissionSchema.safeParse(body);
    const place = submission.success
      ? placeSchema.safeParse(parseJson(submission.data.view.private_metadata))
      : undefined;
    if (!submission.success || !place?.success) {
      deps.logger.warn('bad question form');
      await ack({ response_action: 'errors', errors: { [firstBlock]: UNREADABLE_FORM } });
      return;
    }
    const { team, user, view } = submission.data;
    const { questionId, page } = place.data;

    let workspaceId: string;
    let saved: WorkspaceQuestion;
    try {
      workspaceId = await requireQuestionOrganizer(deps, client, {
        slackTeamId: slackTeamIdOf({ team, user }),
        slackUserId: user.id,
      });
      const edited = questionId ? await requireOwnQuestion(deps, workspaceId, questionId) : undefined;
      const outcome = await saveQuestion(deps, workspaceId, questionFormValues(view.state), edited);
      if (!outcome.ok) {
        await ack({ response_action: 'errors', errors: toBlockErrors(outcome.errors) });
        return;
      }
      saved = outcome.saved;
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [firstBlock]: failureMessage(deps, error, 'save') } });
      return;
    }
    deps.logger.info(
      { workspaceId, questionId: saved.id, change: questionId ? 'edit' : 'add' },
      'workspace question saved',
    );
    // Closes this form; the list it was stacked on shows again, redrawn below.
    await ack();
    await refreshQuestionList(deps, client, view.previous_view_id, workspaceId, questionId ? page : 0);
  };
}

type SaveOutcome =
  | { ok: true; saved: WorkspaceQuestion }
  | { ok: false; errors: Partial<Record<QuestionFormField, string>> };

async function saveQuestion(
  deps: AppDeps,
  workspaceId: string,
  fields: ReturnType<typeof questionFormValues>,
  question: WorkspaceQuestion | undefined,
): Promise<SaveOutcome> {
  const edited: EditedQuestion | undefined = question && {
    slug: question.slug,
    type: question.type,
    topic: question.topic,
    rolePlayNotes: question.rolePlayNotes,
  };
  // A new id is chosen against the ids in use; if another save took it in the meantime, the
  // second try sees it and picks the next one.
  for (let attempt = 1; ; attempt += 1) {
    const ids = await findQuestionIds(deps.db, workspaceId);
    const takenSlugs = new Set([...ids.builtIn, ...ids.own.map((each) => each.slug)]);
    const form = readQuestionForm(fields, { takenSlugs, ...(edited ? { edited } : {}) });
    if (!form.ok) return form;
    try {
      const saved = question
        ? await updateWorkspaceQuestion(deps.db, workspaceId, question.id, form.value)
        : await addWorkspaceQuestion(deps.db, workspaceId, form.value);
      if (!saved) throw new AppError('not-own-question', 'question vanished while editing', NOT_SAVED);
      return { ok: true, saved };
    } catch (error) {
      if (!(error instanceof QuestionSlugTakenError) || attempt >= 2) throw error;
    }
  }
}

const NOT_SAVED =
  'This question is no longer one of this workspace’s own, so nothing was saved. Run `/mock admin questions` again.';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toBlockErrors(errors: Partial<Record<QuestionFormField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      QUESTION_FORM_MODAL.blocks[field as QuestionFormField],
      message,
    ]),
  );
}
