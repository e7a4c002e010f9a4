import { describe, expect, it } from 'vitest';
import {
  type FeedbackFormFields,
  NOT_COVERED,
  readFeedbackForm,
} from '../../../src/domain/feedback/feedback-form.ts';
import type { RubricDimension } from '../../../src/domain/question-bank/rubric-schema.ts';

const anchors = {
  '1': 'Weak anchor text here',
  '2': 'Fair anchor text here',
  '3': 'Good anchor text here',
  '4': 'Great anchor text here',
};
const dimensions: RubricDimension[] = [
  { id: 'structure', label: 'Structure', question: 'Was it structured?', anchors },
  { id: 'metrics', label: 'Defines success', question: 'Did they define success?', anchors },
];

const filled: FeedbackFormFields = {
  ratings: { structure: '3', metrics: '2' },
  selfRatings: { structure: '4', metrics: undefined },
  hireSignal: 'YES',
  strengths: '  Clear structure and a crisp summary.  ',
  improvement: 'Tie the metric to the goal.',
  communication: '',
  organizerNote: '',
};

describe('readFeedbackForm', () => {
  it('reads a complete form: scores as numbers, empty optional fields as null, skipped self-ratings left out', () => {
    expect(readFeedbackForm(filled, dimensions)).toEqual({
      ok: true,
      value: {
        ratings: { structure: 3, metrics: 2 },
        selfRatings: { structure: 4 },
        hireSignal: 'YES',
        strengths: 'Clear structure and a crisp summary.',
        improvement: 'Tie the metric to the goal.',
        communication: null,
        organizerNote: null,
      },
    });
  });

  it('reports every problem at once, each on its own field', () => {
    const outcome = readFeedbackForm(
      {
        ...filled,
        ratings: { structure: undefined, metrics: '5' },
        selfRatings: { structure: '0' },
        hireSignal: undefined,
        strengths: '   ',
        communication: 'x'.repeat(1001),
      },
      dimensions,
    );
    expect(outcome).toEqual({
      ok: false,
      errors: {
        'rating.structure': 'Rate “Structure” from 1 to 4, or mark it not covered.',
        'rating.metrics': 'Rate “Defines success” from 1 to 4, or mark it not covered.',
        'self.structure': 'Pick 1 to 4, or leave it empty.',
        hireSignal: expect.stringContaining('overall signal'),
        strengths: 'Name at least one thing that went well.',
        communication: 'This note is 1001 characters; keep it under 1000.',
      },
    });
  });

  it('asks for the rubric of the session, not whatever dimensions the form sent', () => {
    const outcome = readFeedbackForm({ ...filled, ratings: { structure: '3', invented: '4' } }, dimensions);
    expect(outcome).toEqual({
      ok: false,
      errors: { 'rating.metrics': 'Rate “Defines success” from 1 to 4, or mark it not covered.' },
    });
  });

  it('leaves a dimension marked not covered out of the ratings, so it lowers no average', () => {
    const outcome = readFeedbackForm(
      { ...filled, ratings: { structure: '3', metrics: NOT_COVERED } },
      dimensions,
    );
    expect(outcome).toMatchObject({ ok: true, value: { ratings: { structure: 3 } } });
    expect(outcome.ok && 'metrics' in outcome.value.ratings).toBe(false);
  });

  it('wants at least one dimension scored', () => {
    const outcome = readFeedbackForm(
      { ...filled, ratings: { structure: NOT_COVERED, metrics: NOT_COVERED } },
      dimensions,
    );
    expect(outcome).toEqual({
      ok: false,
      errors: {
        'rating.structure':
          'Score at least one dimension; “not covered” is for what the interview did not reach.',
      },
    });
  });

  it('refuses an over-long improvement', () => {
    const outcome = readFeedbackForm({ ...filled, improvement: 'y'.repeat(1001) }, dimensions);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.errors.improvement).toMatch(/keep it under 1000/);
  });
});
