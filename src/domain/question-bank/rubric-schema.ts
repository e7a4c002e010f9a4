import { z } from 'zod';
import { BUILT_IN_INTERVIEW_TYPES } from '../interview-types.ts';
import { LEVELS } from '../matching/types.ts';
import { kebabCaseSchema, plainText } from './question-schema.ts';

/**
 * The shape of content/rubrics/<type>.yaml: what an interviewer scores after a session of that
 * type, how to judge it against the interviewee's target level, and how to spend a round. Each
 * anchor becomes an option in a Slack select, whose option text Slack caps at 75 characters,
 * hence the anchors' limit.
 *
 * Timing is written as shares of a round, not minutes, because a round's length depends on the
 * session: a 45-minute swap gives each person about 20 minutes, a 60-minute one-way session about
 * 55 (see round-timing.ts). Level bars are written as increments (what Senior adds to PM, and so
 * on), so each level includes the one below by construction.
 */

export const RUBRIC_LIMITS = {
  framework: { min: 2, max: 40 },
  timingParts: { min: 2, max: 6 },
  timingPart: { min: 10, max: 90 },
  timingShare: { min: 5, max: 80 },
  answerNoun: { min: 3, max: 20 },
  answerMinutes: { min: 5, max: 30 },
  levelBar: { min: 40, max: 220 },
  dimensions: { min: 4, max: 7 },
  label: { min: 3, max: 40 },
  question: { min: 10, max: 150 },
  anchor: { min: 10, max: 75 },
} as const;

/** Scores run 1 (weak) to 4 (strong): an even scale, so an interviewer cannot sit on the middle. */
export const RUBRIC_SCORES = ['1', '2', '3', '4'] as const;

const anchorText = plainText(RUBRIC_LIMITS.anchor.min, RUBRIC_LIMITS.anchor.max);

function wholeNumber(range: { min: number; max: number }) {
  return z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : `must be a whole number, not ${JSON.stringify(issue.input)}`,
    })
    .int({ error: 'must be a whole number' })
    .min(range.min, { error: `must be at least ${range.min}` })
    .max(range.max, { error: `must be at most ${range.max}` });
}

const topicList = z.array(kebabCaseSchema, { error: 'must be a list of topics' }).min(1, {
  error: 'must name at least one topic, or be left out',
});

export const rubricDimensionSchema = z.strictObject(
  {
    id: kebabCaseSchema,
    label: plainText(RUBRIC_LIMITS.label.min, RUBRIC_LIMITS.label.max),
    question: plainText(RUBRIC_LIMITS.question.min, RUBRIC_LIMITS.question.max),
    /**
     * Topics of this type whose prompts do not test the dimension (sizing on a partnership prompt):
     * the interviewer's brief leaves it out and the form starts it at "not covered". Any
     * dimension may still be marked not covered when the interview did not reach it.
     */
    notFor: topicList.optional(),
    /** Ids this dimension had before a rename, so ratings given under them count as its own. */
    formerIds: z.array(kebabCaseSchema, { error: 'must be a list of ids' }).optional(),
    // YAML reads `1:` as the key "1"; a strict object makes a missing or fifth anchor an error.
    anchors: z.strictObject(
      { '1': anchorText, '2': anchorText, '3': anchorText, '4': anchorText },
      {
        error: (issue) =>
          issue.input === undefined ? 'is required' : 'must be a map with the keys 1, 2, 3 and 4',
      },
    ),
  },
  { error: 'must be a map with id, label, question and anchors (and, optionally, notFor and formerIds)' },
);

export type RubricDimension = z.infer<typeof rubricDimensionSchema>;

export const timingPartSchema = z.strictObject(
  {
    /** Percent of the round (or of one answer, when the rubric has `answer`). */
    share: wholeNumber(RUBRIC_LIMITS.timingShare),
    /** Reads after a number of minutes: "to clarify the goal and the user", "on metrics". */
    part: plainText(RUBRIC_LIMITS.timingPart.min, RUBRIC_LIMITS.timingPart.max),
  },
  { error: 'must be a map with share and part' },
);

const answerSchema = z.strictObject(
  {
    one: plainText(RUBRIC_LIMITS.answerNoun.min, RUBRIC_LIMITS.answerNoun.max),
    many: plainText(RUBRIC_LIMITS.answerNoun.min, RUBRIC_LIMITS.answerNoun.max),
    minutes: wholeNumber(RUBRIC_LIMITS.answerMinutes),
  },
  { error: 'must be a map with one, many and minutes' },
);

/** Parts whose shares add up to 100, between the limits; runs on partly valid data too. */
function checkParts(timing: { parts?: unknown }, context: z.RefinementCtx): void {
  const parts: unknown = timing.parts;
  if (!Array.isArray(parts)) return;
  const { min, max } = RUBRIC_LIMITS.timingParts;
  if (parts.length < min || parts.length > max) {
    context.addIssue({
      code: 'custom',
      path: ['parts'],
      message: `must have ${min}-${max} parts; it has ${parts.length}`,
    });
    return;
  }
  const shares = parts.map((part: unknown) => (part as { share?: unknown } | null)?.share);
  if (shares.every((share): share is number => typeof share === 'number')) {
    const total = shares.reduce((sum, share) => sum + share, 0);
    if (total !== 100) {
      context.addIssue({
        code: 'custom',
        path: ['parts'],
        message: `shares must add up to 100; they add up to ${total}`,
      });
    }
  }
}

/** How a round is spent on prompts of some topics whose shape differs (a role-play, an estimate). */
export const topicTimingSchema = z
  .strictObject(
    {
      topics: topicList,
      parts: z.array(timingPartSchema, { error: 'must be a list' }),
      answer: answerSchema.optional(),
    },
    { error: 'must be a map with topics and parts (and, optionally, answer)' },
  )
  .superRefine(checkParts);

export const rubricTimingSchema = z
  .strictObject(
    {
      parts: z.array(timingPartSchema, { error: 'must be a list' }),
      /**
       * For types answered in several short answers (behavioural stories): how long one takes.
       * A round fits as many as its minutes allow, at least one and at most three, and the
       * parts then divide each answer rather than the whole round.
       */
      answer: answerSchema.optional(),
      /** Other timings for prompts of the named topics; the first that names a topic wins. */
      byTopic: z.array(topicTimingSchema, { error: 'must be a list' }).optional(),
    },
    { error: 'must be a map with parts (and, optionally, answer and byTopic)' },
  )
  .superRefine(checkParts);

export type RubricTiming = z.infer<typeof rubricTimingSchema>;

/** One way of spending a round: the parts, and the answer length for types answered in several. */
export type TimingShape = Pick<RubricTiming, 'parts' | 'answer'>;

const levelBarText = plainText(RUBRIC_LIMITS.levelBar.min, RUBRIC_LIMITS.levelBar.max);

/**
 * How to judge an answer against the interviewee's target level. PM is the bar itself; each
 * level above says only what it adds, and is always read together with the levels below it.
 */
export const levelBarsSchema = z.strictObject(
  Object.fromEntries(LEVELS.map((level) => [level, levelBarText])) as Record<
    (typeof LEVELS)[number],
    typeof levelBarText
  >,
  {
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be a map with the keys ${LEVELS.join(', ')}`,
  },
);

export type LevelBars = z.infer<typeof levelBarsSchema>;

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
      timing: rubricTimingSchema,
      levels: levelBarsSchema,
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
        const { id, formerIds } =
          typeof dimension === 'object' && dimension !== null
            ? (dimension as { id?: unknown; formerIds?: unknown })
            : {};
        const ids = [
          ...(typeof id === 'string' ? [{ value: id, path: ['dimensions', index, 'id'] }] : []),
          ...(Array.isArray(formerIds)
            ? formerIds.flatMap((former, at) =>
                typeof former === 'string'
                  ? [{ value: former, path: ['dimensions', index, 'formerIds', at] }]
                  : [],
              )
            : []),
        ];
        for (const each of ids) {
          if (seen.has(each.value)) {
            context.addIssue({
              code: 'custom',
              path: each.path,
              message: `“${each.value}” is used by an earlier dimension; ids must be unique within the file`,
            });
          }
          seen.add(each.value);
        }
      });
    });
}

export const rubricFileSchema = createRubricFileSchema(BUILT_IN_INTERVIEW_TYPES.map((type) => type.slug));

export type RubricFile = z.infer<typeof rubricFileSchema>;
