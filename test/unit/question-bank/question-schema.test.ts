import { describe, expect, it } from 'vitest';
import { BUILT_IN_INTERVIEW_TYPES } from '../../../src/domain/interview-types.ts';
import {
  BUILT_IN_QUESTION_TYPES,
  builtInQuestionSchemas,
  createQuestionSchemas,
} from '../../../src/domain/question-bank/question-schema.ts';

const TEXT = 'Design a grocery-ordering experience for people over 75 who live alone.';

function aQuestion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ps-design-grocery-elderly',
    topic: 'design',
    levels: ['PM', 'SENIOR'],
    text: TEXT,
    followUps: [
      'Which of these users would you build for first, and why them?',
      'How would you know in month one that it is working?',
    ],
    rubricHints: ['Picks one segment and justifies it'],
    hint: 'CIRCLES works well: clarify who the user is, list their needs, rank them, then go wide.',
    ...overrides,
  };
}

const row = (overrides: Record<string, unknown> = {}) => ({ type: 'product-sense', ...aQuestion(overrides) });

/** The messages a row's problems produce, keyed by field path. */
function problems(input: unknown): Record<string, string> {
  const result = builtInQuestionSchemas.question.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const chars = (n: number) => 'a'.repeat(n);

describe('a question', () => {
  it('accepts the example from the spec, trimming the folded text', () => {
    const result = builtInQuestionSchemas.question.parse(row({ text: `  ${TEXT}\n` }));

    expect(result.text).toBe(TEXT);
    expect(result.type).toBe('product-sense');
  });

  it.each([
    ['text', 39, false],
    ['text', 40, true],
    ['text', 280, true],
    ['text', 281, false],
    ['hint', 39, false],
    ['hint', 40, true],
    ['hint', 300, true],
    ['hint', 301, false],
  ])('%s of %i characters is valid: %s', (field, length, valid) => {
    expect(problems(row({ [field]: chars(length) }))[field] === undefined).toBe(valid);
  });

  it('measures length after trimming, and says how long the text is', () => {
    expect(problems(row({ text: `   ${chars(39)}   ` }))).toEqual({
      text: 'must be 40-280 characters; it has 39',
    });
  });

  it.each([
    [['A probe that is long enough to pass'], 'must have 2-4 items; it has 1'],
    [Array(5).fill('A probe that is long enough to pass'), 'must have 2-4 items; it has 5'],
  ])('wants 2-4 follow-ups', (followUps, message) => {
    expect(problems(row({ followUps }))).toEqual({ followUps: message });
  });

  it('checks each follow-up and rubric hint on its own', () => {
    expect(
      problems(
        row({
          followUps: ['A probe that is long enough to pass', chars(19), chars(201)],
          rubricHints: [chars(9), chars(10), chars(80)],
        }),
      ),
    ).toEqual({
      'followUps.1': 'must be 20-200 characters; it has 19',
      'followUps.2': 'must be 20-200 characters; it has 201',
      'rubricHints.0': 'must be 10-80 characters; it has 9',
    });
  });

  it('wants 1-3 rubric hints', () => {
    expect(problems(row({ rubricHints: [] }))).toEqual({ rubricHints: 'must have 1-3 items; it has 0' });
    expect(problems(row({ rubricHints: Array(4).fill(chars(20)) }))).toEqual({
      rubricHints: 'must have 1-3 items; it has 4',
    });
  });

  it('takes optional role-play notes for the interviewer: 1-3 of 20-200 characters', () => {
    const notes = ['Stay vague until they ask for a recent example.'];
    expect(builtInQuestionSchemas.question.parse(row({ rolePlayNotes: notes })).rolePlayNotes).toEqual(notes);
    expect(builtInQuestionSchemas.question.parse(row()).rolePlayNotes).toBeUndefined();
    expect(problems(row({ rolePlayNotes: [] }))).toEqual({ rolePlayNotes: 'must have 1-3 items; it has 0' });
    expect(problems(row({ rolePlayNotes: [chars(19)] }))).toEqual({
      'rolePlayNotes.0': 'must be 20-200 characters; it has 19',
    });
  });

  it.each([
    [['PM'], true],
    [['SENIOR', 'STAFF', 'DIRECTOR'], true],
    [['PM', 'SENIOR', 'STAFF', 'DIRECTOR'], true],
    [['PM', 'STAFF'], false],
    [['STAFF', 'SENIOR'], false],
    [['SENIOR', 'SENIOR'], false],
    [[], false],
  ])('levels %j are valid: %s', (levels, valid) => {
    expect(problems(row({ levels })).levels === undefined).toBe(valid);
  });

  it('names an unknown level', () => {
    expect(problems(row({ levels: ['PM', 'JUNIOR'] }))).toEqual({
      'levels.1': '“JUNIOR” is not a level; use PM, SENIOR, STAFF, DIRECTOR',
    });
  });

  it.each([
    ['ps-Design-Grocery', '“ps-Design-Grocery” must be kebab-case (a-z, 0-9 and dashes)'],
    ['ps-design--grocery', '“ps-design--grocery” must be kebab-case (a-z, 0-9 and dashes)'],
    ['ex-metric-drop', '“ex-metric-drop” must start with “ps-” for type product-sense'],
    ['ps', '“ps” must start with “ps-” for type product-sense'],
  ])('rejects the id %s', (id, message) => {
    expect(problems(row({ id }))).toEqual({ id: message });
  });

  it('wants a kebab-case topic', () => {
    expect(problems(row({ topic: 'metric drop' }))).toEqual({
      topic: '“metric drop” must be kebab-case (a-z, 0-9 and dashes)',
    });
  });

  it('accepts only the built-in types', () => {
    expect(problems(row({ type: 'leadership' }))).toEqual({
      type: '“leadership” is not an interview type; use one of product-sense, execution, strategy, technical, behavioural, reverse-interview',
    });
  });

  it('treats an unknown field as an error, since it is usually a typo', () => {
    const { followUps, ...rest } = aQuestion();
    const result = builtInQuestionSchemas.question.safeParse({
      type: 'product-sense',
      ...rest,
      followups: followUps,
    });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['invalid_type', 'followUps'],
        ['unrecognized_keys', ''],
      ]),
    );
    expect(problems({ type: 'product-sense', ...rest, followups: followUps }).followUps).toBe('is required');
  });

  it.each([
    ['Slack markup', `Ask <@U123> about ${TEXT}`, 'Slack mention or link syntax'],
    ['code', `Design the \`cart\` flow: ${TEXT}`, 'a backtick'],
    ['markdown', `**Design** ${TEXT}`, 'markdown emphasis'],
    ['an emoji code', `${TEXT} :rocket:`, 'an emoji code'],
    ['an emoji', `${TEXT} 🚀`, 'an emoji'],
  ])('rejects %s in text', (_, text, what) => {
    expect(problems(row({ text }))).toEqual({ text: `must be plain text; it contains ${what}` });
  });

  it('allows ordinary punctuation such as ratios, percentages and quotes', () => {
    expect(problems(row({ text: `${TEXT} Assume a 3:1 ratio, 20% churn and "daily" use.` }))).toEqual({});
  });
});

describe('a question file', () => {
  it('holds a type and a non-empty list of questions whose ids carry the type prefix', () => {
    const file = { type: 'product-sense', questions: [aQuestion(), aQuestion({ id: 'ex-wrong-prefix' })] };

    const result = builtInQuestionSchemas.file.safeParse(file);

    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['questions.1.id', '“ex-wrong-prefix” must start with “ps-” for type product-sense'],
    ]);
    expect(builtInQuestionSchemas.file.safeParse({ type: 'product-sense', questions: [] }).success).toBe(
      false,
    );
  });

  it('still checks every prefix when other questions fail', () => {
    const file = { type: 'execution', questions: [aQuestion({ text: 'short' }), aQuestion({ id: 'ps-x' })] };

    const paths = builtInQuestionSchemas.file
      .safeParse(file)
      .error?.issues.map((issue) => issue.path.join('.'));

    expect(paths).toEqual(['questions.0.text', 'questions.0.id', 'questions.1.id']);
  });
});

describe('organizers’ own types', () => {
  it('have a rule for every built-in interview type', () => {
    expect(BUILT_IN_QUESTION_TYPES.map((type) => type.slug)).toEqual(
      BUILT_IN_INTERVIEW_TYPES.map((type) => type.slug),
    );
    expect(new Set(BUILT_IN_QUESTION_TYPES.map((type) => type.idPrefix)).size).toBe(
      BUILT_IN_QUESTION_TYPES.length,
    );
  });

  it('work with the same rules through the factory', () => {
    const schemas = createQuestionSchemas([{ slug: 'case-study', idPrefix: 'cs-' }]);

    expect(
      schemas.question.safeParse({ ...row({ id: 'cs-airline-lounge' }), type: 'case-study' }).success,
    ).toBe(true);
    expect(schemas.question.safeParse(row()).success).toBe(false);
    expect(
      schemas.question.safeParse({ ...row({ id: 'cs-x', text: 'short' }), type: 'case-study' }).success,
    ).toBe(false);
  });
});
