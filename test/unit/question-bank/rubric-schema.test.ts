import { describe, expect, it } from 'vitest';
import { createRubricFileSchema, rubricFileSchema } from '../../../src/domain/question-bank/rubric-schema.ts';

function aDimension(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    label: 'Clarifies the problem',
    question: 'Did they pin down the user and the problem before solving?',
    anchors: {
      1: 'Jumped to features without asking who the user is',
      2: 'Asked a question or two but did not use the answers',
      3: 'Named the user and goal, and let them shape the answer',
      4: 'Reframed the problem sharply and chose a segment with reasons',
    },
    ...overrides,
  };
}

const timing = {
  parts: [
    { share: 20, part: 'to clarify the goal and the user' },
    { share: 60, part: 'to explore solutions and choose one' },
    { share: 20, part: 'on metrics and trade-offs' },
  ],
};

const levels = {
  PM: 'Sets a goal, picks a user with a reason and solves one need.',
  SENIOR: 'Finds a need others miss and defends the choice with its cost.',
  STAFF: 'Frames the product in its wider system and orders the bets.',
  DIRECTOR: 'Ties the product to company strategy and what must stop.',
};

function aRubric(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'product-sense',
    framework: 'CIRCLES',
    timing,
    levels,
    dimensions: ['clarifies-problem', 'structure', 'prioritisation', 'metrics'].map((id) => aDimension(id)),
    ...overrides,
  };
}

function problems(input: unknown): Record<string, string> {
  const result = rubricFileSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const chars = (n: number) => 'a'.repeat(n);
const dimensions = (n: number) => Array.from({ length: n }, (_, i) => aDimension(`dimension-${i}`));

describe('a rubric file', () => {
  it('accepts the example from the spec, with YAML’s numeric anchor keys', () => {
    const rubric = rubricFileSchema.parse(aRubric());

    expect(rubric.dimensions[0]?.anchors['4']).toBe(
      'Reframed the problem sharply and chose a segment with reasons',
    );
  });

  it.each([
    [3, false],
    [4, true],
    [7, true],
    [8, false],
  ])('with %i dimensions is valid: %s', (count, valid) => {
    expect(problems(aRubric({ dimensions: dimensions(count) })).dimensions === undefined).toBe(valid);
  });

  it('says how many dimensions it found', () => {
    expect(problems(aRubric({ dimensions: dimensions(3) }))).toEqual({
      dimensions: 'must have 4-7 dimensions; it has 3',
    });
  });

  it('wants dimension ids unique within the file', () => {
    const list = dimensions(4);
    list[3] = aDimension('dimension-1');

    expect(problems(aRubric({ dimensions: list }))).toEqual({
      'dimensions.3.id': '“dimension-1” is used by an earlier dimension; ids must be unique within the file',
    });
  });

  it('wants exactly the anchors 1 to 4', () => {
    const { 4: _, ...three } = aDimension('x').anchors as Record<string, string>;
    const five = { ...(aDimension('x').anchors as object), 5: 'One more anchor than the scale has' };

    expect(
      problems(aRubric({ dimensions: [aDimension('a', { anchors: three }), ...dimensions(3)] })),
    ).toEqual({
      'dimensions.0.anchors.4': 'is required',
    });
    expect(
      rubricFileSchema
        .safeParse(aRubric({ dimensions: [aDimension('a', { anchors: five }), ...dimensions(3)] }))
        .error?.issues.map((issue) => [issue.code, issue.path.join('.')]),
    ).toEqual([['unrecognized_keys', 'dimensions.0.anchors']]);
  });

  it.each([
    ['anchors', { 1: chars(9), 2: chars(10), 3: chars(75), 4: chars(76) }, ['anchors.1', 'anchors.4']],
    ['label', chars(2), ['label']],
    ['label', chars(41), ['label']],
    ['question', chars(9), ['question']],
    ['question', chars(151), ['question']],
  ])('checks the length of %s', (field, value, paths) => {
    const found = problems(aRubric({ dimensions: [aDimension('a', { [field]: value }), ...dimensions(3)] }));

    expect(Object.keys(found)).toEqual(paths.map((item) => `dimensions.0.${item}`));
  });

  it('checks the framework', () => {
    expect(problems(aRubric({ framework: 'X' }))).toEqual({
      framework: 'must be 2-40 characters; it has 1',
    });
  });

  it('wants timing as parts whose shares of the round add up to 100', () => {
    expect(problems(aRubric({ timing: 'About 25 minutes: 3-5 to clarify, 10-12 to explore.' }))).toEqual({
      timing: 'must be a map with parts (and, optionally, answer and byTopic)',
    });
    const short = { parts: [{ share: 10, part: 'to clarify the goal' }, ...timing.parts.slice(1)] };
    expect(problems(aRubric({ timing: short }))).toEqual({
      'timing.parts': 'shares must add up to 100; they add up to 90',
    });
  });

  it('checks each timing part, and an optional answer length', () => {
    const parts = [
      { share: 2, part: 'to clarify the goal and the user' },
      { share: 78.5, part: 'short' },
      { share: 19.5, part: 'on metrics and trade-offs' },
    ];
    expect(problems(aRubric({ timing: { parts } }))).toEqual({
      'timing.parts.0.share': 'must be at least 5',
      'timing.parts.1.share': 'must be a whole number',
      'timing.parts.1.part': 'must be 10-90 characters; it has 5',
      'timing.parts.2.share': 'must be a whole number',
    });
    const answer = { one: 'story', many: 'stories', minutes: 12 };
    expect(problems(aRubric({ timing: { ...timing, answer } }))).toEqual({});
    expect(problems(aRubric({ timing: { ...timing, answer: { ...answer, minutes: 45 } } }))).toEqual({
      'timing.answer.minutes': 'must be at most 30',
    });
    expect(problems(aRubric({ timing: { parts: timing.parts.slice(0, 1) } }))).toEqual({
      'timing.parts': 'must have 2-6 parts; it has 1',
    });
  });

  it('takes other timings for named topics, each checked like the main one', () => {
    const byTopic = [{ topics: ['role-play'], parts: timing.parts }];
    expect(problems(aRubric({ timing: { ...timing, byTopic } }))).toEqual({});
    expect(
      problems(aRubric({ timing: { ...timing, byTopic: [{ topics: [], parts: timing.parts.slice(1) }] } })),
    ).toEqual({
      'timing.byTopic.0.topics': 'must name at least one topic, or be left out',
      'timing.byTopic.0.parts': 'shares must add up to 100; they add up to 80',
    });
  });

  it('wants a bar for every level', () => {
    const { DIRECTOR: _, ...three } = levels;
    expect(problems(aRubric({ levels: three }))).toEqual({ 'levels.DIRECTOR': 'is required' });
    expect(problems(aRubric({ levels: { ...levels, SENIOR: 'Too short.' } }))).toEqual({
      'levels.SENIOR': 'must be 40-220 characters; it has 10',
    });
  });

  it('takes the topics a dimension does not fit, and its former ids, counting those as taken ids', () => {
    const list = [
      aDimension('sizing', { notFor: ['partnership'], formerIds: ['market'] }),
      aDimension('market'),
      ...dimensions(2),
    ];
    expect(problems(aRubric({ dimensions: list }))).toEqual({
      'dimensions.1.id': '“market” is used by an earlier dimension; ids must be unique within the file',
    });
    expect(problems(aRubric({ dimensions: [aDimension('a', { notFor: [] }), ...dimensions(3)] }))).toEqual({
      'dimensions.0.notFor': 'must name at least one topic, or be left out',
    });
  });

  it('accepts only known types, and a factory takes organizers’ own', () => {
    expect(problems(aRubric({ type: 'case-study' })).type).toMatch(/is not an interview type/);
    expect(createRubricFileSchema(['case-study']).safeParse(aRubric({ type: 'case-study' })).success).toBe(
      true,
    );
  });
});
