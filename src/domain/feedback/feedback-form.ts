import { z } from 'zod';
import { RUBRIC_SCORES, type RubricDimension } from '../question-bank/rubric-schema.ts';
import { HIRE_SIGNALS, type HireSignal, type Ratings } from './feedback-rules.ts';

/**
 * The rating a dimension gets when the interview did not test it (a concept question scored on
 * system components, a partnership prompt on market sizing). It is stored as no rating at all, so
 * it never lowers the member's average for that dimension.
 */
export const NOT_COVERED = 'not-covered';

/** What the feedback modal holds, before it is checked: selections as Slack sends their values. */
export interface FeedbackFormFields {
  /** Dimension id → the selected score ('1'..'4') or NOT_COVERED, for the partner. */
  ratings: Record<string, string | undefined>;
  /** Dimension id → the member's private score for themselves; each may be left out. */
  selfRatings: Record<string, string | undefined>;
  hireSignal: string | undefined;
  strengths: string;
  improvement: string;
  communication: string;
  organizerNote: string;
}

/** A field an error can point at: the fixed ones, or one dimension's rating or self-rating. */
export type FeedbackFormField =
  | 'hireSignal'
  | 'strengths'
  | 'improvement'
  | 'communication'
  | 'organizerNote'
  | `rating.${string}`
  | `self.${string}`;

export const FEEDBACK_TEXT_LIMITS = {
  strengths: 1500,
  improvement: 1000,
  communication: 1000,
  organizerNote: 1000,
} as const;

export interface FeedbackValue {
  ratings: Ratings;
  selfRatings: Ratings;
  hireSignal: HireSignal;
  strengths: string;
  improvement: string;
  communication: string | null;
  organizerNote: string | null;
}

export type FeedbackFormOutcome =
  | { ok: true; value: FeedbackValue }
  | { ok: false; errors: Partial<Record<FeedbackFormField, string>> };

function text(limit: number, what: string) {
  return z
    .string()
    .trim()
    .max(limit, {
      error: (issue) => `${what} is ${String(issue.input).length} characters; keep it under ${limit}.`,
    });
}

function optionalText(limit: number, what: string) {
  return text(limit, what).transform((value) => (value === '' ? null : value));
}

function feedbackSchema(dimensions: readonly RubricDimension[]) {
  const score = (message: string) => z.enum(RUBRIC_SCORES, { error: message }).transform(Number);
  const rating = (dimension: RubricDimension) =>
    z
      .enum([...RUBRIC_SCORES, NOT_COVERED], {
        error: `Rate “${dimension.label}” from 1 to 4, or mark it not covered.`,
      })
      .transform((value) => (value === NOT_COVERED ? undefined : Number(value)));
  const [first] = dimensions;
  return z.object({
    ratings: z
      .object(Object.fromEntries(dimensions.map((dimension) => [dimension.id, rating(dimension)])))
      .superRefine((ratings, context) => {
        // Every dimension marked "not covered" would be feedback with no scores at all.
        const values = Object.values(ratings as Record<string, number | undefined>);
        if (first && values.length === dimensions.length && values.every((value) => value === undefined)) {
          context.addIssue({
            code: 'custom',
            path: [first.id],
            message: 'Score at least one dimension; “not covered” is for what the interview did not reach.',
          });
        }
      }),
    selfRatings: z.object(
      Object.fromEntries(
        dimensions.map((dimension) => [dimension.id, score('Pick 1 to 4, or leave it empty.').optional()]),
      ),
    ),
    hireSignal: z.enum(HIRE_SIGNALS, { error: 'Pick an overall signal: would you hire at this level?' }),
    strengths: text(FEEDBACK_TEXT_LIMITS.strengths, 'This').min(1, {
      error: 'Name at least one thing that went well.',
    }),
    improvement: text(FEEDBACK_TEXT_LIMITS.improvement, 'This').min(1, {
      error: 'Name the one thing that would help most next time.',
    }),
    communication: optionalText(FEEDBACK_TEXT_LIMITS.communication, 'This note'),
    organizerNote: optionalText(FEEDBACK_TEXT_LIMITS.organizerNote, 'This note'),
  });
}

/**
 * Checks the feedback form against the rubric of the session's type. Every problem is reported
 * next to its own field in one round, so a member fixes them all at once.
 */
export function readFeedbackForm(
  fields: FeedbackFormFields,
  dimensions: readonly RubricDimension[],
): FeedbackFormOutcome {
  const parsed = feedbackSchema(dimensions).safeParse(fields);
  if (parsed.success) {
    const { ratings, selfRatings, ...rest } = parsed.data;
    const scored = (values: unknown): Ratings =>
      Object.fromEntries(
        Object.entries(values as Record<string, number | undefined>).filter(
          (entry): entry is [string, number] => entry[1] !== undefined,
        ),
      );
    return { ok: true, value: { ...rest, ratings: scored(ratings), selfRatings: scored(selfRatings) } };
  }
  const errors: Partial<Record<FeedbackFormField, string>> = {};
  for (const issue of parsed.error.issues) {
    const [group, dimension] = issue.path;
    const field: FeedbackFormField =
      group === 'ratings'
        ? `rating.${String(dimension)}`
        : group === 'selfRatings'
          ? `self.${String(dimension)}`
          : (group as FeedbackFormField);
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
