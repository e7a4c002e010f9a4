import { describe, expect, it } from 'vitest';
import {
  type ImportContext,
  type ImportPlan,
  planQuestionImport,
} from '../../../src/domain/question-bank/question-import.ts';

const TEXT = 'Weekly active teams fell 8% last month while sign-ups held steady. Walk me through it.';
const FOLLOW_UPS = ['What would you check in the first hour, and why?', 'When would you call it noise?'];
const HINT = 'Clarify the metric first, then split by segment, platform and time before guessing causes.';

const EMPTY: ImportContext = { builtInSlugs: new Set(), existing: [] };

const CSV_HEADER = 'type,id,levels,text,followUp1,followUp2,rubricHint1,hint';
function csvRow(cells: Partial<Record<'type' | 'id' | 'levels' | 'text' | 'hint', string>> = {}): string {
  const row = { type: 'execution', id: '', levels: 'SENIOR', text: TEXT, hint: HINT, ...cells };
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  return [row.type, row.id, row.levels, row.text, ...FOLLOW_UPS, 'Segments before solving', row.hint]
    .map(quote)
    .join(',');
}

function rows(plan: ImportPlan) {
  if (!plan.ok) throw new Error(`unexpected refusal: ${plan.message}`);
  return plan.rows;
}

describe('planQuestionImport: CSV', () => {
  it('takes good rows and reports each bad one by spreadsheet row, id, excerpt and field', () => {
    const text = [
      CSV_HEADER,
      csvRow({ id: 'ex-teams-drop' }),
      csvRow({ id: 'ex-short', text: 'Too short.' }),
      csvRow({ id: 'bad id', levels: 'SENIOR INTERN', hint: '' }),
    ].join('\n');
    const plan = planQuestionImport(text, EMPTY);
    expect(plan.ok && plan.format).toBe('csv');
    const [good, short, broken] = rows(plan);
    expect(good).toMatchObject({
      ok: true,
      number: 2,
      question: { id: 'ex-teams-drop', topic: 'workspace' },
    });
    expect(short).toMatchObject({
      ok: false,
      number: 3,
      id: 'ex-short',
      excerpt: 'Too short.',
      problems: [{ field: 'text', message: 'must be 40-280 characters; it has 10' }],
    });
    expect(broken).toMatchObject({
      ok: false,
      number: 4,
      excerpt: expect.stringMatching(/^Weekly active.*…$/),
    });
    expect(broken?.ok === false && broken.problems.map((problem) => problem.field)).toEqual(
      expect.arrayContaining(['id', 'levels[1]', 'hint']),
    );
  });

  it('makes an id from the text when none is given, and finds the same question again the next time', () => {
    const text = [CSV_HEADER, csvRow()].join('\n');
    const [first] = rows(planQuestionImport(text, EMPTY));
    expect(first).toMatchObject({ ok: true, question: { id: 'ex-weekly-active-teams-fell-8-last' } });

    // Imported once, the workspace holds it; the same text again upserts the same id.
    const existing = [{ slug: 'ex-weekly-active-teams-fell-8-last', type: 'execution', text: TEXT }];
    const [again] = rows(planQuestionImport(text, { ...EMPTY, existing }));
    expect(again).toMatchObject({ ok: true, question: { id: 'ex-weekly-active-teams-fell-8-last' } });

    // Another text with the same opening words gets an id of its own rather than overwriting it.
    const other = [CSV_HEADER, csvRow({ text: `${TEXT} Then say what you would do.` })].join('\n');
    const [next] = rows(planQuestionImport(other, { ...EMPTY, existing }));
    expect(next).toMatchObject({ ok: true, question: { id: 'ex-weekly-active-teams-fell-8-last-2' } });
  });

  it('refuses a built-in question’s id, and names the first row of a repeated id as the paste counts', () => {
    const text = [
      CSV_HEADER,
      csvRow({ id: 'ex-builtin' }),
      csvRow({ id: 'ex-twice' }),
      csvRow({ id: 'ex-twice' }),
    ].join('\n');
    const plan = planQuestionImport(text, { ...EMPTY, builtInSlugs: new Set(['ex-builtin']) });
    const [builtIn, first, second] = rows(plan);
    expect(builtIn).toMatchObject({
      ok: false,
      problems: [{ field: 'id', message: expect.stringContaining('is a built-in question’s id') }],
    });
    expect(first?.ok).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      problems: [{ field: 'id', message: '“ex-twice” is also used by row 3' }],
    });
  });
});

describe('planQuestionImport: YAML', () => {
  const question = (extra: string[] = []) => [
    '  levels: [PM, SENIOR]',
    `  text: ${TEXT}`,
    '  followUps:',
    ...FOLLOW_UPS.map((item) => `    - ${item}`),
    '  rubricHints: [Segments before solving]',
    `  hint: ${HINT}`,
    ...extra,
  ];

  it('reads a list of questions, numbering them and pointing at their lines', () => {
    const text = ['- type: strategy', ...question(), '- type: execution', '  text: Too short.'].join('\n');
    const plan = planQuestionImport(text, EMPTY);
    expect(plan.ok && plan.format).toBe('yaml');
    const [good, bad] = rows(plan);
    expect(good).toMatchObject({
      ok: true,
      number: 1,
      line: 1,
      question: { type: 'strategy', id: 'st-weekly-active-teams-fell-8-last' },
    });
    expect(bad).toMatchObject({ ok: false, number: 2, line: 9 });
    expect(bad?.ok === false && bad.problems.map((problem) => problem.field)).toEqual([
      'levels',
      'text',
      'followUps',
      'rubricHints',
      'hint',
    ]);
  });

  it('reads a copy of a bank file, its type given once for every question', () => {
    const text = [
      'type: behavioural',
      'questions:',
      '- id: bh-mine',
      '  topic: conflict',
      ...question(),
    ].join('\n');
    const [only] = rows(planQuestionImport(text, EMPTY));
    expect(only).toMatchObject({
      ok: true,
      question: { type: 'behavioural', id: 'bh-mine', topic: 'conflict' },
    });
  });

  it('reports an unknown field by name', () => {
    const text = ['- type: strategy', ...question(['  difficulty: hard'])].join('\n');
    const [only] = rows(planQuestionImport(text, EMPTY));
    expect(only).toMatchObject({
      ok: false,
      problems: [{ field: 'difficulty', message: 'unknown field “difficulty”' }],
    });
  });
});

describe('planQuestionImport: what cannot be read at all', () => {
  it.each([
    ['an empty paste', '  \n', 'the text is empty'],
    ['a header without rows', CSV_HEADER, 'no question follows the header'],
    ['a YAML syntax error, with its line', '- type: strategy\n  text: [unclosed', 'YAML line'],
    ['plain prose', 'Just some words', 'nothing to import'],
    ['more than Slack’s 3000 characters', `${CSV_HEADER}\n${'x'.repeat(3000)}`, 'at most 3000 characters'],
  ])('refuses %s with one message', (_name, text, message) => {
    const plan = planQuestionImport(text, EMPTY);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.message).toContain(message);
  });
});
