import { z } from 'zod';

/**
 * The interviewee's private rating of their interviewer: how good the questions were (realistic,
 * probing, on time) and how useful the feedback was, 1..4. Never shown to the interviewer; averaged
 * with a prior into a 0..1 quality that matching prefers (src/domain/matching).
 */
export const INTERVIEWER_RATING_SCALE = [1, 2, 3, 4] as const;

const score = z.coerce
  .number({ error: 'Pick one.' })
  .int()
  .min(1, { error: 'Pick one.' })
  .max(4, { error: 'Pick one.' });

export const interviewerRatingSchema = z.object({ questionQuality: score, feedbackQuality: score });
export type InterviewerRatingValue = z.infer<typeof interviewerRatingSchema>;
export type InterviewerRatingField = keyof InterviewerRatingValue;

export type InterviewerRatingOutcome =
  | { ok: true; value: InterviewerRatingValue }
  | { ok: false; errors: Partial<Record<InterviewerRatingField, string>> };

export function readInterviewerRating(fields: {
  questionQuality: string | undefined;
  feedbackQuality: string | undefined;
}): InterviewerRatingOutcome {
  const parsed = interviewerRatingSchema.safeParse(fields);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<InterviewerRatingField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as InterviewerRatingField] ??= issue.message;
  return { ok: false, errors };
}

/** A few imaginary ratings at the middle of the scale: one harsh rating does not sink a newcomer. */
const PRIOR_RATINGS = 3;
const PRIOR_SCORE = 2.5;

/** Each rated interviewer's quality, 0..1, from both scores of every rating they received. */
export function interviewerQualityByMember(
  ratings: ReadonlyArray<{ interviewerId: string; questionQuality: number; feedbackQuality: number }>,
): Record<string, number> {
  const tally = new Map<string, { sum: number; count: number }>();
  for (const rating of ratings) {
    const entry = tally.get(rating.interviewerId) ?? { sum: 0, count: 0 };
    entry.sum += (rating.questionQuality + rating.feedbackQuality) / 2;
    entry.count += 1;
    tally.set(rating.interviewerId, entry);
  }
  return Object.fromEntries(
    [...tally].map(([memberId, { sum, count }]) => {
      const mean = (sum + PRIOR_RATINGS * PRIOR_SCORE) / (count + PRIOR_RATINGS);
      return [memberId, (mean - 1) / 3];
    }),
  );
}
