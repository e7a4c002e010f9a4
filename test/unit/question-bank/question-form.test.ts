import { describe, expect, it } from 'vitest';
import {
  type QuestionFormFields,
  readQuestionForm,
} from '../../../src/domain/question-bank/question-form.ts';

const TEXT = 'Weekly active teams fell 8% last month while sign-ups held steady. Walk me through it.';

function form(overrides: Partial<QuestionFormFields> = {}): QuestionFormFields {
  return {
    type: 'execution',
    levelFrom: 'SENIOR',
    levelTo: 'STAFF',
    text: TEXT,
    followUps:
      'What would you check in the first hour, and why?\nWhen would you call it noise rather than a real drop?\n',
    rubricHints: 'Segments before solving\n\nNames the trade-off',
    hint: 'Clarify the metric first, then split by segment, platform and time before guessing causes.',
    ...overrides,
  };
}

const taken = new Set(['ex-weekly-active-teams-fell-8-last']);

describe('readQuestionForm', () => {
  it('reads a valid form into a bank question: one item per line, levels from–to, an id from the text', () => {
    const outcome = readQuestionForm(form(), { takenSlugs: new Set() });
    expect(outcome).toEqual({
      ok: true,
      value: {
        type: 'execution',
        id: 'ex-weekly-active-teams-fell-8-last',
        topic: 'workspace',
        levels: ['SENIOR', 'STAFF'],
        text: TEXT,
        followUps: [
          'What would you check in the first hour, and why?',
          'When would you call it noise rather than a real drop?',
        ],
        rubricHints: ['Segments before solving', 'Names the trade-off'],
        hint: 'Clarify the metric first, then split by segment, platform and time before guessing causes.',
      },
    });
  });

  it('makes the id unique among those taken, and a blank "to" means one level', () => {
    const outcome = readQuestionForm(form({ levelTo: undefined }), { takenSlugs: taken });
    expect(outcome.ok && outcome.value).toMatchObject({
      id: 'ex-weekly-active-teams-fell-8-last-2',
      levels: ['SENIOR'],
    });
  });

  it('keeps an edited question’s id and topic while its type stays', () => {
    const edited = { slug: 'ex-old-id', type: 'execution', topic: 'metrics' };
    const outcome = readQuestionForm(form({ text: `${TEXT} Be specific.` }), { takenSlugs: taken, edited });
    expect(outcome.ok && outcome.value).toMatchObject({ id: 'ex-old-id', topic: 'metrics' });
  });

  it('keeps an imported question’s role-play notes, which the form does not show', () => {
    const edited = {
      slug: 'ex-old-id',
      type: 'execution',
      topic: 'metrics',
      rolePlayNotes: ['Stay vague until asked for a recent example.'],
    };
    const outcome = readQuestionForm(form(), { takenSlugs: taken, edited });
    expect(outcome.ok && outcome.value.rolePlayNotes).toEqual([
      'Stay vague until asked for a recent example.',
    ]);
    const plain = readQuestionForm(form(), { takenSlugs: taken });
    expect(plain.ok && 'rolePlayNotes' in plain.value).toBe(false);
  });

  it('gives an edited question a new id with the new prefix when its type changes', () => {
    const edited = { slug: 'ex-old-id', type: 'execution', topic: 'metrics' };
    const outcome = readQuestionForm(form({ type: 'strategy' }), { takenSlugs: taken, edited });
    expect(outcome.ok && outcome.value).toMatchObject({
      id: 'st-weekly-active-teams-fell-8-last',
      topic: 'metrics',
    });
  });

  it.each<[string, Partial<QuestionFormFields>, Record<string, unknown>]>([
    [
      'everything missing',
      {
        type: undefined,
        levelFrom: undefined,
        levelTo: undefined,
        text: ' ',
        followUps: '',
        rubricHints: '\n',
        hint: '',
      },
      {
        type: 'Pick the interview type.',
        levelFrom: 'Pick the lowest level the question suits.',
        text: 'Write the question.',
        followUps: 'Write the follow-ups, one per line.',
        rubricHints: 'Write the rubric hints, one per line.',
        hint: 'Write a hint.',
      },
    ],
    ['a text too short', { text: 'Too short.' }, { text: 'Must be 40-280 characters; it has 10.' }],
    [
      'markup in the text',
      { text: `${TEXT} **now**` },
      { text: expect.stringContaining('markdown emphasis') },
    ],
    [
      'one follow-up',
      { followUps: 'What would you check in the first hour?' },
      { followUps: 'One per line: must have 2-4 items; it has 1.' },
    ],
    [
      'a short second follow-up',
      { followUps: 'What would you check in the first hour?\nWhy?' },
      { followUps: 'Line 2: must be 20-200 characters; it has 4.' },
    ],
    [
      'four rubric hints',
      { rubricHints: 'Segments first\nNames a trade-off\nQuantifies impact\nSays what to stop' },
      { rubricHints: 'One per line: must have 1-3 items; it has 4.' },
    ],
    [
      '"to" below "from"',
      { levelFrom: 'STAFF', levelTo: 'PM' },
      { levelTo: expect.stringContaining('same as the lowest or above') },
    ],
    ['a forged level', { levelFrom: 'CEO' }, { levelFrom: 'Pick a level from the list.' }],
    [
      'a forged type',
      { type: 'astrology' },
      { type: expect.stringContaining('“astrology” is not an interview type') },
    ],
  ])('reports %s next to its field', (_name, overrides, errors) => {
    const outcome = readQuestionForm(form(overrides), { takenSlugs: new Set() });
    expect(outcome).toEqual({ ok: false, errors });
  });
});
