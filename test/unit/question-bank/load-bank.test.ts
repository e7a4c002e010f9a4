import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BUILT_IN_INTERVIEW_TYPES } from '../../../src/domain/interview-types.ts';
import { LEVELS } from '../../../src/domain/matching/types.ts';
import {
  BankValidationError,
  loadBank,
  loadRubrics,
  validateQuestionRows,
} from '../../../src/domain/question-bank/load-bank.ts';

const directories: string[] = [];
afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A content/ folder holding exactly `files` (paths relative to it). */
async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mockingbird-bank-'));
  directories.push(dir);
  mkdirSync(path.join(dir, 'questions'));
  mkdirSync(path.join(dir, 'rubrics'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function aQuestion(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    topic: 'design',
    levels: ['PM', 'SENIOR'],
    text: 'Design a grocery-ordering experience for people over 75 who live alone.',
    followUps: [
      'Which of these users would you build for first, and why them?',
      'How would you know in month one that it is working?',
    ],
    rubricHints: ['Picks one segment and justifies it'],
    hint: 'CIRCLES works well: clarify who the user is, list their needs, rank them, then go wide.',
    ...overrides,
  };
}

function aRubric(type: string, overrides: Record<string, unknown> = {}): string {
  const dimension = (id: string) => ({
    id,
    label: 'Clarifies the problem',
    question: 'Did they pin down the user and the problem before solving?',
    anchors: {
      1: 'Jumped to features without asking who the user is',
      2: 'Asked a question or two but did not use the answers',
      3: 'Named the user and goal, and let them shape the answer',
      4: 'Reframed the problem sharply and chose a segment with reasons',
    },
  });
  return stringify({
    type,
    framework: 'CIRCLES',
    timing: {
      parts: [
        { share: 20, part: 'to clarify the goal and the user' },
        { share: 60, part: 'to explore solutions and choose one' },
        { share: 20, part: 'on metrics and trade-offs' },
      ],
    },
    levels: {
      PM: 'Sets a goal, picks a user with a reason and solves one need.',
      SENIOR: 'Finds a need others miss and defends the choice with its cost.',
      STAFF: 'Frames the product in its wider system and orders the bets.',
      DIRECTOR: 'Ties the product to company strategy and what must stop.',
    },
    dimensions: ['clarifies', 'structure', 'prioritises', 'measures'].map(dimension),
    ...overrides,
  });
}

/** The report's lines, without the absolute temp folder. */
async function reportOf(dir: string): Promise<string[]> {
  const error = await loadBank(dir).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BankValidationError);
  return (error as BankValidationError).message.replaceAll(`${dir}${path.sep}`, '').split('\n');
}

describe('loadBank', () => {
  it('returns every question with its file’s type, and the rubrics', async () => {
    const dir = await contentDir({
      'questions/product-sense.yaml': stringify({
        type: 'product-sense',
        questions: [aQuestion('ps-one'), aQuestion('ps-two', { levels: ['STAFF', 'DIRECTOR'] })],
      }),
      'questions/execution.yaml': stringify({ type: 'execution', questions: [aQuestion('ex-one')] }),
      'rubrics/product-sense.yaml': aRubric('product-sense'),
      'rubrics/execution.yaml': aRubric('execution'),
    });

    const bank = await loadBank(dir);

    expect(bank.questions.map((question) => [question.type, question.id, question.levels])).toEqual([
      ['execution', 'ex-one', ['PM', 'SENIOR']],
      ['product-sense', 'ps-one', ['PM', 'SENIOR']],
      ['product-sense', 'ps-two', ['STAFF', 'DIRECTOR']],
    ]);
    expect(bank.rubrics.map((rubric) => rubric.type)).toEqual(['execution', 'product-sense']);
  });

  it('lists every problem in every file, with line, question and field, like a compiler', async () => {
    const productSense = [
      '# Product sense, with mistakes.',
      'type: product-sense',
      'questions:',
      '  - id: ps-design-grocery-elderly',
      '    topic: design',
      '    levels: [PM, SENIOR]',
      '    text: Design a grocery-ordering experience for people over 75 who live alone.',
      '    followUps:',
      '      - Which of these users would you build for first, and why them?',
      '      - Too short.',
      '    rubricHints:',
      '      - Picks one segment and justifies it',
      '    hint: CIRCLES works well; clarify the user, list needs, rank them, go wide.',
      '  - id: ps-improve-maps',
      '    topic: improve',
      '    levels: [PM, STAFF]',
      '    text: Improve a maps app for cyclists who commute through heavy city traffic.',
      '    followUps:',
      '      - What would you measure in the first month after launch?',
      '      - Which cyclists would you leave out of version one, and why?',
      '    rubricHints:',
      '      - Segments cyclists by trip type',
      '    hint: Start with the riskiest moment of a commute and work outwards from there.',
      '    folowUps: []',
      '',
    ].join('\n');
    const strategy = stringify({ type: 'strategy', questions: [aQuestion('st-enter-brazil')] });
    const dir = await contentDir({
      'questions/product-sense.yaml': productSense,
      'questions/strategy.yaml': strategy,
      // A copy made to start a new file, not yet renamed inside.
      'questions/strategy-extra.yaml': strategy,
      'rubrics/product-sense.yaml': aRubric('product-sense'),
      'rubrics/execution.yml': aRubric('execution'),
      'rubrics/behavioural.yaml': 'type: behavioural\nframework: STAR\n  timing: oops\n',
    });

    const report = await reportOf(dir);

    expect(report).toEqual([
      'The question bank has 9 problems:',
      '  rubrics/execution.yml only .yaml files are read: rename it to .yaml',
      '  questions/product-sense.yaml:10:9 questions[0] (ps-design-grocery-elderly).followUps[1]: must be 20-200 characters; it has 10',
      '  questions/product-sense.yaml:16:13 questions[1] (ps-improve-maps).levels: must be consecutive levels in the order PM, SENIOR, STAFF, DIRECTOR; got PM, STAFF',
      '  questions/product-sense.yaml:24:5 questions[1] (ps-improve-maps).folowUps: unknown field “folowUps”',
      '  questions/strategy-extra.yaml:1:7 type: says “strategy” but the file is named strategy-extra.yaml; the name must be the type',
      '  questions/strategy-extra.yaml:1:7 type: no rubric for strategy: add rubrics/strategy.yaml',
      '  questions/strategy.yaml:1:7 type: no rubric for strategy: add rubrics/strategy.yaml',
      '  questions/strategy.yaml:3:9 questions[0] (st-enter-brazil).id: “st-enter-brazil” is already used at questions/strategy-extra.yaml:3:9',
      '  rubrics/behavioural.yaml:2:12 YAML: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('reports a type a file does not hold, and a file that is not a map', async () => {
    const dir = await contentDir({
      'questions/execution.yaml': stringify({ type: 'execution', questions: [aQuestion('ps-one')] }),
      'questions/technical.yaml': '# nothing yet\n',
      'rubrics/execution.yaml': aRubric('execution'),
    });

    expect(await reportOf(dir)).toEqual([
      'The question bank has 2 problems:',
      '  questions/execution.yaml:3:9 questions[0] (ps-one).id: “ps-one” must start with “ex-” for type execution',
      '  questions/technical.yaml must be a YAML map (type: …), but the file is empty or not a map',
    ]);
  });

  it('checks that notFor and byTopic name topics the type’s questions have', async () => {
    const rubric = parse(aRubric('product-sense')) as {
      dimensions: Record<string, unknown>[];
      timing: Record<string, unknown> & { parts: unknown[] };
    };
    rubric.dimensions[1]!.notFor = ['design', 'favorite'];
    rubric.timing.byTopic = [{ topics: ['favourite', 'critique'], parts: rubric.timing.parts }];
    const dir = await contentDir({
      'questions/product-sense.yaml': stringify({
        type: 'product-sense',
        questions: [aQuestion('ps-one'), aQuestion('ps-two', { topic: 'favourite' })],
      }),
      'rubrics/product-sense.yaml': stringify(rubric),
    });

    expect(await reportOf(dir)).toEqual([
      'The question bank has 2 problems:',
      expect.stringMatching(
        /^ {2}rubrics\/product-sense\.yaml:\d+:\d+ dimensions\[1\]\.notFor\[1\]: “favorite” is not a topic of any product-sense question; use one of design, favourite$/,
      ),
      expect.stringMatching(
        /^ {2}rubrics\/product-sense\.yaml:\d+:\d+ timing\.byTopic\[0\]\.topics\[1\]: “critique” is not a topic/,
      ),
    ]);
  });

  it('reports a missing folder', async () => {
    const dir = await contentDir({});
    await rm(path.join(dir, 'rubrics'), { recursive: true });

    const report = await reportOf(dir);

    expect(report[1]).toMatch(/^ {2}rubrics cannot read the folder \(ENOENT/);
    expect(report[2]).toBe('  questions/ holds no question files (*.yaml)');
  });
});

describe('validateQuestionRows', () => {
  it('gives every row its own verdict, for an organizer’s import', () => {
    const rows = [
      { type: 'execution', ...aQuestion('ex-one') },
      { type: 'execution', ...aQuestion('ex-two', { text: 'Too short', hint: undefined }) },
      { type: 'execution', ...aQuestion('ex-one') },
      'not a row',
      { type: 'execution', ...aQuestion('ex-taken') },
    ];

    const results = validateQuestionRows(rows, { takenIds: new Set(['ex-taken']) });

    expect(results).toEqual([
      { index: 0, ok: true, question: expect.objectContaining({ id: 'ex-one', type: 'execution' }) },
      {
        index: 1,
        ok: false,
        id: 'ex-two',
        problems: [
          { field: 'text', message: 'must be 40-280 characters; it has 9' },
          { field: 'hint', message: 'is required' },
        ],
      },
      {
        index: 2,
        ok: false,
        id: 'ex-one',
        problems: [{ field: 'id', message: '“ex-one” is also used by row 0' }],
      },
      { index: 3, ok: false, problems: [{ field: '', message: expect.stringMatching(/must be a map/) }] },
      {
        index: 4,
        ok: false,
        id: 'ex-taken',
        problems: [{ field: 'id', message: '“ex-taken” already exists' }],
      },
    ]);
  });

  it('accepts an organizer’s own types', () => {
    const [result] = validateQuestionRows([{ type: 'case-study', ...aQuestion('cs-lounge') }], {
      types: [{ slug: 'case-study', idPrefix: 'cs-' }],
    });

    expect(result?.ok).toBe(true);
  });
});

// The bank that ships: writers fill content/ in parallel, so this passes once they have finished.
describe('the real content/ folder', () => {
  it('loads and validates, with at least 25 questions of every type and every level covered', async () => {
    const { questions, rubrics } = await loadBank();

    expect(questions.length).toBeGreaterThanOrEqual(200);
    const types = BUILT_IN_INTERVIEW_TYPES.map((type) => type.slug);
    expect(rubrics.map((rubric) => rubric.type).sort()).toEqual([...types].sort());
    const gaps: string[] = [];
    for (const type of types) {
      const ofType = questions.filter((question) => question.type === type);
      if (ofType.length < 25) gaps.push(`${type}: ${ofType.length} questions, need 25`);
      for (const level of LEVELS) {
        if (!ofType.some((question) => question.levels.includes(level)))
          gaps.push(`${type}: nothing for ${level}`);
      }
    }
    expect(gaps).toEqual([]);
  });
});

describe('loadRubrics', () => {
  it('reads the rubrics alone, the same as the whole bank’s, without parsing a question', async () => {
    const dir = await contentDir({
      // Not even YAML: loadRubrics must not open the questions folder.
      'questions/product-sense.yaml': 'type: [unclosed',
      'rubrics/product-sense.yaml': aRubric('product-sense'),
      'rubrics/execution.yaml': aRubric('execution'),
    });

    const rubrics = await loadRubrics(dir);

    expect(rubrics.map((rubric) => rubric.type).sort()).toEqual(['execution', 'product-sense']);
  });

  it('matches the rubrics of the shipped bank', async () => {
    expect(await loadRubrics()).toEqual((await loadBank()).rubrics);
  });

  it('refuses an invalid rubric file, naming it', async () => {
    const dir = await contentDir({ 'rubrics/execution.yaml': aRubric('execution', { dimensions: [] }) });

    const error = await loadRubrics(dir).then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(BankValidationError);
    expect((error as Error).message).toContain('execution.yaml');
  });
});
