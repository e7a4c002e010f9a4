import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_COVERED } from '../../../src/domain/feedback/feedback-form.ts';
import { loadBank } from '../../../src/domain/question-bank/load-bank.ts';
import type { RubricFile } from '../../../src/domain/question-bank/rubric-schema.ts';
import { type FeedbackModalInput, feedbackModal } from '../../../src/slack/blocks/feedback-modal.ts';
import { blockKitProblems } from '../../e2e/block-kit-limits.ts';
import type { Json } from '../../harness/fake-slack.ts';

let strategy: RubricFile;
beforeAll(async () => {
  strategy = (await loadBank()).rubrics.find((rubric) => rubric.type === 'strategy')!;
});

function modal(overrides: Partial<FeedbackModalInput> = {}) {
  const view = feedbackModal({
    sessionId: 'session-1',
    partnerSlackUserId: 'U0BO',
    typeLabel: 'Strategy',
    rubric: strategy,
    sessionStartsAt: Date.parse('2026-12-07T15:00:00Z'),
    deadline: Date.parse('2026-12-10T15:45:00Z'),
    existing: null,
    ...overrides,
  });
  expect(blockKitProblems(view as never)).toEqual([]);
  return view.blocks as unknown as Json[];
}

const rating = (blocks: Json[], id: string) => blocks.find((block) => block.block_id === `rating-${id}`)!;
const initial = (block: Json) =>
  (block.element as { initial_option?: { value: string } }).initial_option?.value;

describe('the feedback form', () => {
  it('offers “not covered” on every dimension, after the four scores', () => {
    for (const block of modal().filter((each) => String(each.block_id).startsWith('rating-'))) {
      const options = (block.element as { options: Json[] }).options;
      expect(options.map((option) => option.value)).toEqual(['1', '2', '3', '4', NOT_COVERED]);
    }
  });

  it('starts the dimensions the prompt’s topic does not test at “not covered”, and the rest blank', () => {
    const blocks = modal({ promptTopic: 'estimation' });
    expect(initial(rating(blocks, 'competition-and-advantage'))).toBe(NOT_COVERED);
    expect(initial(rating(blocks, 'stakeholders'))).toBe(NOT_COVERED);
    expect(initial(rating(blocks, 'market-and-customer'))).toBeUndefined();
    expect(modal().every((block) => !String(block.block_id).startsWith('rating-') || !initial(block))).toBe(
      true,
    );
  });

  it('prefills an edit, showing a dimension left out of what was sent as “not covered”', () => {
    const blocks = modal({
      existing: {
        ratings: { 'frames-decision': 3 },
        selfRatings: {},
        hireSignal: 'YES',
        strengths: 'Clear sizing.',
        improvement: 'Name the risks.',
        communication: null,
        organizerNote: null,
        editableUntil: Date.parse('2026-12-08T15:00:00Z'),
      },
    });
    expect(initial(rating(blocks, 'frames-decision'))).toBe('3');
    expect(initial(rating(blocks, 'recommendation'))).toBe(NOT_COVERED);
  });

  it('shows the bar for the partner’s target level, each level including the one below', () => {
    const text = JSON.stringify(modal({ targetLevel: 'SENIOR' }));
    expect(text).toContain(strategy.levels.PM);
    expect(text).toContain(strategy.levels.SENIOR);
    expect(text).not.toContain(strategy.levels.STAFF);
    const unknown = JSON.stringify(modal());
    expect(unknown).toContain(strategy.levels.DIRECTOR);
  });
});
