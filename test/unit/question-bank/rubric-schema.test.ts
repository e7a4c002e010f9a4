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

function aRubric(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'product-sense',
    framework: 'CIRCLES',
    timing: 'About 25 minutes: 3-5 to clarify, 10-12 to explore and choose, 5 for metrics.',
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

  it('checks framework and timing', () => {
    expect(problems(aRubric({ framework: 'X', timing: chars(39) }))).toEqual({
      framework: 'must be 2-40 characters; it has 1',
      timing: 'must be 40-300 characters; it has 39',
    });
  });

  it('accepts only known types, and a factory takes organizers’ own', () => {
    expect(problems(aRubric({ type: 'case-study' })).type).toMatch(/is not an interview type/);
    expect(createRubricFileSchema(['case-study']).safeParse(aRubric({ type: 'case-study' })).success).toBe(
      true,
    );
  });
});
