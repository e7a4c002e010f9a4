import { describe, expect, it } from 'vitest';
import type { ImportRowResult } from '../../../src/domain/question-bank/question-import.ts';
import { questionImportReport } from '../../../src/slack/blocks/question-admin-import.ts';
import {
  clampPage,
  QUESTION_ADMIN_ACTIONS,
  QUESTIONS_PER_PAGE,
  questionListModal,
} from '../../../src/slack/blocks/question-admin-list.ts';
import type { WorkspaceQuestion } from '../../../src/store/workspace-questions.ts';
import { blockKitProblems } from '../../e2e/block-kit-limits.ts';
import type { Json } from '../../harness/fake-slack.ts';

function aQuestion(n: number, retired = false): WorkspaceQuestion {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    slug: `ex-question-${n}`,
    workspaceId: 'ws',
    source: 'WORKSPACE',
    type: 'execution',
    topic: 'workspace',
    levels: ['SENIOR', 'STAFF'],
    text: `Question ${n} <!channel> ${'and a long text '.repeat(30)}`,
    followUps: ['One follow-up long enough', 'Another follow-up long enough'],
    rubricHints: ['Names the trade-off'],
    hint: 'A hint long enough to be a hint, at forty characters or more.',
    rolePlayNotes: [],
    retiredAt: retired ? new Date('2026-03-01T00:00:00Z') : null,
    createdAt: new Date('2026-02-01T00:00:00Z'),
  };
}

const buttonsOf = (blocks: Json[]) =>
  blocks.flatMap((block) => ((block.elements ?? []) as Json[]).filter((each) => each.type === 'button'));

describe('the question list', () => {
  it('shows a page of questions within Slack’s limits, each with Edit and Retire or Restore, and a pager', () => {
    const questions = Array.from({ length: QUESTIONS_PER_PAGE }, (_, i) => aQuestion(i, i === 0));
    const view = questionListModal({ questions, page: 1, total: 35, active: 34, builtInCount: 216 });
    expect(blockKitProblems(view as never)).toEqual([]);
    const blocks = view.blocks as unknown as Json[];
    const buttons = buttonsOf(blocks);
    expect(buttons.filter((each) => each.value === questions[0]!.id).map((each) => each.action_id)).toEqual([
      QUESTION_ADMIN_ACTIONS.edit,
      QUESTION_ADMIN_ACTIONS.restore,
    ]);
    expect(buttons.filter((each) => each.value === questions[1]!.id).map((each) => each.action_id)).toEqual([
      QUESTION_ADMIN_ACTIONS.edit,
      QUESTION_ADMIN_ACTIONS.retire,
    ]);
    const pager = buttons.filter((each) => each.action_id === QUESTION_ADMIN_ACTIONS.page);
    expect(pager.map((each) => each.value)).toEqual(['0', '2']);
    expect(JSON.stringify(blocks)).toContain('Page 2 of 4');
    // What organizers typed is escaped: Slack would otherwise ping the channel.
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ page: 1 });
  });

  it.each([
    [0, 0, 0],
    [3, 35, 3],
    [9, 35, 3],
    [-2, 35, 0],
    [Number.NaN, 35, 0],
  ])('clampPage(%s) with %s questions is %s', (page, total, expected) => {
    expect(clampPage(page, total)).toBe(expected);
  });
});

describe('the import report', () => {
  it('names how many were imported, and stays within Slack’s limits however many rows are bad', () => {
    const bad: ImportRowResult[] = Array.from({ length: 300 }, (_, i) => ({
      ok: false,
      number: i + 2,
      line: i + 2,
      excerpt: 'x',
      problems: [{ field: 'text', message: 'must be 40-280 characters; it has 1' }],
    }));
    const view = questionImportReport({ format: 'csv', rows: bad, saved: new Map() });
    expect(blockKitProblems(view as never)).toEqual([]);
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('Imported 0 of 300 rows');
    expect(shown).toContain('Row 41');
    expect(shown).not.toContain('Row 42*');
    expect(shown).toContain('and 260 more rows with problems');
  });
});
