import type { Button, KnownBlock, ModalView } from '@slack/types';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import type { WorkspaceQuestion } from '../../store/workspace-questions.ts';
import { escapeText } from './escape-text.ts';
import { levelRange } from './question-text.ts';
import { slackDate } from './slack-date.ts';

/**
 * `/mock admin questions`: the workspace's own questions, a page at a time, each with Edit and
 * Retire/Restore. Buttons carry the question's row id and nothing else; the listener checks on
 * every press that the presser is an organizer and that the question is this workspace's own.
 */

export const QUESTION_LIST_MODAL = {
  callbackId: 'question-admin-list',
} as const;

export const QUESTION_ADMIN_ACTIONS = {
  add: 'question-admin-add',
  import: 'question-admin-import',
  edit: 'question-admin-edit',
  retire: 'question-admin-retire',
  restore: 'question-admin-restore',
  /** Previous/next page; the button's value is the page to show (0-based). */
  page: 'question-admin-page',
} as const;

/** Two blocks a question; ten keep a page readable and far below Slack's 100 blocks a view. */
export const QUESTIONS_PER_PAGE = 10;

/** Where a modal stacked on the list returns to: the page it was opened from. */
export interface QuestionListPlace {
  page: number;
}

export interface QuestionListInput {
  questions: readonly WorkspaceQuestion[];
  page: number;
  total: number;
  active: number;
  builtInCount: number;
}

const EXCERPT_LENGTH = 240;

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}

function button(text: string, actionId: string, value?: string, extra: Partial<Button> = {}): Button {
  return { type: 'button', text: plain(text), action_id: actionId, ...(value ? { value } : {}), ...extra };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / QUESTIONS_PER_PAGE));
}

/** The page to show, kept within what exists (a retire or a forged value may point past the end). */
export function clampPage(page: number, total: number): number {
  return Math.min(Math.max(0, Math.trunc(page) || 0), pageCount(total) - 1);
}

export function questionListModal(input: QuestionListInput): ModalView {
  const { questions, page, total, active, builtInCount } = input;
  const retired = total - active;
  const counts =
    total === 0
      ? 'This workspace has no questions of its own yet.'
      : `This workspace has ${active} question${active === 1 ? '' : 's'} of its own in use${retired > 0 ? ` and ${retired} retired` : ''}.`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${counts} They are asked beside the ${builtInCount} built-in questions: in sessions, \`/mock question\` and the daily question. Built-in questions come from Mockingbird’s bank and are not changed here.`,
      },
    },
    {
      type: 'actions',
      elements: [
        button('Add question', QUESTION_ADMIN_ACTIONS.add, undefined, { style: 'primary' }),
        button('Import CSV or YAML…', QUESTION_ADMIN_ACTIONS.import),
      ],
    },
    { type: 'divider' },
  ];

  if (questions.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Add a question with its follow-ups and rubric hints, or import several at once from a spreadsheet (CSV) or YAML.',
      },
    });
  }
  for (const question of questions) blocks.push(...questionBlocks(question));

  const pages = pageCount(total);
  if (pages > 1) {
    const pager: Button[] = [];
    if (page > 0) pager.push(button('Previous', QUESTION_ADMIN_ACTIONS.page, String(page - 1)));
    if (page < pages - 1) pager.push(button('Next', QUESTION_ADMIN_ACTIONS.page, String(page + 1)));
    blocks.push(
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Page ${page + 1} of ${pages}, newest first` }] },
      // Two pager blocks with the same action id are fine: Slack wants ids unique within a block.
      { type: 'actions', block_id: 'question-admin-pager', elements: pager },
    );
  }

  return {
    type: 'modal',
    callback_id: QUESTION_LIST_MODAL.callbackId,
    private_metadata: JSON.stringify({ page } satisfies QuestionListPlace),
    title: plain('Workspace questions'),
    close: plain('Done'),
    blocks,
  };
}

function questionBlocks(question: WorkspaceQuestion): KnownBlock[] {
  const text = question.text.replace(/\s+/g, ' ');
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
  const status = question.retiredAt ? `  ·  _retired ${slackDate(question.retiredAt, '{date_short}')}_` : '';
  const retireOrRestore = question.retiredAt
    ? button('Restore', QUESTION_ADMIN_ACTIONS.restore, question.id)
    : button('Retire', QUESTION_ADMIN_ACTIONS.retire, question.id, {
        style: 'danger',
        confirm: {
          title: plain('Retire this question?'),
          text: plain(
            'It will no longer be asked in new sessions, /mock question or the daily question. You can restore it later.',
          ),
          confirm: plain('Retire'),
          deny: plain('Keep it'),
        },
      });
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeText(interviewTypeLabel(question.type))}*  ·  ${levelRange(question.levels)}  ·  \`${question.slug}\`${status}\n${escapeText(excerpt)}`,
      },
    },
    {
      type: 'actions',
      block_id: `question-${question.id}`,
      elements: [button('Edit', QUESTION_ADMIN_ACTIONS.edit, question.id), retireOrRestore],
    },
  ];
}
