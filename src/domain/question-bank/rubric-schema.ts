import { z } from 'zod';
import { BUILT_IN_INTERVIEW_TYPES } from '../interview-types.ts';
import { kebabCaseSchema, plainText } from './question-schema.ts';

/**
 * The shape of content/rubrics/<type>.yaml: what an interviewer scores after a session of that
 * type. Each anchor becomes an option in a Slack select, whose option text Slack caps at 75
 * characters, hence the anchors' limit.
 */

export const RUBRIC_LIMITS = {
  framework: { min: 2, max: 40 },
  timing: { min: 40, max: 300 },
  dimensions: { min: 4, max: 7 },
  label: { min: 3, max: 40 },
  question: { min: 10, max: 150 },
  anchor: { min: 10, max: 75 },
} as const;

/** Scores run 1 (weak) to 4 (strong): an even scale, so an interviewer cannot sit on the middle. */
export const RUBRIC_SCORES = ['1', '2', '3', '4'] as const;

const anchorText = plainText(RUBRIC_LIMITS.anchor.min, RUBRIC_LIMITS.anchor.max);

export const rubricDimensionSchema = z.strictObject(
  {
    id: kebabCaseSchema,
    label: plainText(RUBRIC_LIMITS.label.min, RUBRIC_LIMITS.label.max),
    question: plainText(RUBRIC_LIMITS.question.min, RUBRIC_LIMITS.question.max),
    // YAML reads `1:` as the key "1"; a strict object makes a missing or fifth anchor an error.
    anchors: z.strictObject(
      { '1': anchorText, '2': anchorText, '3': anchorText, '4': anchorText },
      {
        error: (issue) =>
          issue.input === undefined ? 'is required' : 'must be a map with the keys 1, 2, 3 and 4',
      },
    ),
  },
  { error: 'must be a map with id, label, question and anchors' },
);

export type RubricDimension = z.infer<typeof rubricDimensionSchema>;

/** A rubric file schema for the given type slugs (built-in today, a workspace's own types later). */
export function createRubricFileSchema(typeSlugs: readonly string[]) {
  const [first, ...rest] = typeSlugs;
  if (first === undefined) throw new Error('createRubricFileSchema needs at least one interview type');
  return z
    .strictObject({
      type: z.enum([first, ...rest], {
        error: (issue) =>
          issue.input === undefined
            ? 'is required'
            : `“${String(issue.input)}” is not an interview type; use one of ${typeSlugs.join(', ')}`,
      }),
      framework: plainText(RUBRIC_LIMITS.framework.min, RUBRIC_LIMITS.framework.max),
      timing: plainText(RUBRIC_LIMITS.timing.min, RUBRIC_LIMITS.timing.max),
      dimensions: z.array(rubricDimensionSchema, { error: 'must be a list' }),
    })
    .superRefine((rubric, context) => {
      // Runs even when some dimensions failed, so the data may be only partly valid.
      const dimensions: unknown = rubric.dimensions;
      if (!Array.isArray(dimensions)) return;
      const { min, max } = RUBRIC_LIMITS.dimensions;
      if (dimensions.length < min || dimensions.length > max) {
        context.addIssue({
          code: 'custom',
          path: ['dimensions'],
          message: `must have ${min}-${max} dimensions; it has ${dimensions.length}`,
        });
      }
      const seen = new Set<string>();
      dimensions.forEach((dimension: unknown, index) => {
        const id =
          typeof dimension === 'object' && dimension !== null ? (dimension as { id?: unknown }).id : null;
        if (typeof id !== 'string') return;
        if (seen.has(id)) {
          context.addIssue({
            code: 'custom',
            path: ['dimensions', index, 'id'],
            message: `“${id}” is used by an earlier dimension; ids must be unique within the file`,
          });
        }
        seen.add(id);
      });
    });
}

export const rubricFileSchema = createRubricFileSchema(BUILT_IN_INTERVIEW_TYPES.map((type) => type.slug));

export type RubricFile = z.infer<typeof rubricFileSchema>;
