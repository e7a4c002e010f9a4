import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../app-deps.ts';
import { AppError, TRY_AGAIN_MESSAGE } from '../errors.ts';
import type { MemberRef } from '../store/members.ts';
import { isDatabaseUnavailable } from '../store/prisma.ts';
import {
  countActiveBuiltInQuestions,
  findQuestionOwnership,
  listWorkspaceQuestions,
  type WorkspaceQuestion,
} from '../store/workspace-questions.ts';
import { ensureWorkspaceId } from '../store/workspaces.ts';
import { clampPage, QUESTIONS_PER_PAGE, questionListModal } from './blocks/question-admin-list.ts';
import { updateModal } from './modal-calls.ts';
import { checkOrganizer, NOT_AN_ORGANIZER } from './organizers.ts';
import { errorSummary } from './respond-safely.ts';

/**
 * What every question-admin listener (the command, each button, each submit) does first: check,
 * on the server and every time, that the person is an organizer, and that a question they name is
 * this workspace's own. A button's value or a modal's metadata is whatever the request says.
 */

export const BUILT_IN_NOT_EDITABLE =
  'Built-in questions come from Mockingbird’s bank and cannot be edited or retired here. Add a question of your own instead.';

export const NOT_OWN_QUESTION =
  'That question is not one of this workspace’s own, or it no longer exists. Run `/mock admin questions` to see the current list.';

/** The workspace's id once the person is confirmed as an organizer; an AppError otherwise. */
export async function requireQuestionOrganizer(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
): Promise<string> {
  const organizer = await checkOrganizer(deps.config, client, ref.slackUserId, {
    db: deps.db,
    slackTeamId: ref.slackTeamId,
  });
  if (!organizer.allowed) throw new AppError('not-an-organizer', 'question admin refused', NOT_AN_ORGANIZER);
  return ensureWorkspaceId(deps.db, ref.slackTeamId);
}

/** The workspace's own question `questionId`, or an AppError saying why it cannot be changed. */
export async function requireOwnQuestion(
  deps: AppDeps,
  workspaceId: string,
  questionId: string,
): Promise<WorkspaceQuestion> {
  const ownership = await findQuestionOwnership(deps.db, workspaceId, questionId);
  if (ownership.kind === 'own') return ownership.question;
  if (ownership.kind === 'built-in')
    throw new AppError('built-in-question', `built-in question ${questionId} refused`, BUILT_IN_NOT_EDITABLE);
  throw new AppError('not-own-question', 'question of no or another workspace refused', NOT_OWN_QUESTION);
}

/** The list modal at `page` (kept within the pages there are), as stored now. */
export async function questionListView(deps: AppDeps, workspaceId: string, page: number): Promise<ModalView> {
  const first = await listWorkspaceQuestions(deps.db, workspaceId, {
    offset: Math.max(0, Math.trunc(page) || 0) * QUESTIONS_PER_PAGE,
    limit: QUESTIONS_PER_PAGE,
  });
  const shown = clampPage(page, first.total);
  // A page past the end (a stale list, or a forged value) shows the last page there is.
  const listed =
    shown === page
      ? first
      : await listWorkspaceQuestions(deps.db, workspaceId, {
          offset: shown * QUESTIONS_PER_PAGE,
          limit: QUESTIONS_PER_PAGE,
        });
  return questionListModal({
    questions: listed.questions,
    page: shown,
    total: listed.total,
    active: listed.active,
    builtInCount: await countActiveBuiltInQuestions(deps.db),
  });
}

/** Redraws the list the form was stacked on; a list that cannot be redrawn is only stale. */
export async function refreshQuestionList(
  deps: AppDeps,
  client: WebClient,
  viewId: string | null | undefined,
  workspaceId: string,
  page: number,
): Promise<void> {
  if (!viewId) return;
  try {
    await updateModal(client, viewId, await questionListView(deps, workspaceId, page));
  } catch (error) {
    deps.logger.warn({ err: errorSummary(error) }, 'could not redraw the question list');
  }
}

/** What the form shows at its top when the save could not happen; logged once here. */
export function failureMessage(deps: AppDeps, error: unknown, what: 'save' | 'import'): string {
  if (error instanceof AppError) {
    deps.logger.info({ code: error.code }, error.message);
    return error.userMessage;
  }
  const known = isDatabaseUnavailable(error);
  deps.logger[known ? 'warn' : 'error'](
    { err: errorSummary(error) },
    `could not ${what} workspace questions`,
  );
  if (known) return TRY_AGAIN_MESSAGE;
  return what === 'save'
    ? 'Mockingbird could not save this just now. Your answers are still here; please save again.'
    : 'Mockingbird could not import this just now, so nothing was imported. Your text is still here; please try again.';
}
