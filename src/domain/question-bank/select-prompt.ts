import { LEVELS, type Level } from '../matching/types.ts';

/**
 * Which prompt an interviewer should ask an interviewee. Pure: the caller passes the active bank,
 * both members' histories and a random source, so a choice can be replayed and tested.
 *
 * The rules, in order of strength:
 *  1. Only questions of the session's type, at the interviewee's target level; when that type has
 *     none at that level, the nearest levels that have some (a Director may still practise on a
 *     Staff prompt rather than get nothing).
 *  2. Never the prompt already given in the other round of a swap (`exclude`).
 *  3. Nothing the interviewee has been asked before, until every prompt of that pool has been;
 *     then the one asked longest ago, so repeats come round in the same fair order.
 *  4. Among what is left, one the interviewer has answered themselves: they know how it unfolds
 *     and ask better follow-ups.
 *  5. Otherwise a random pick among equals.
 */

export interface PromptQuestion {
  id: string;
  type: string;
  /** Consecutive levels in LEVELS order, as validated by the bank. */
  levels: readonly Level[];
}

export interface PastPrompt {
  questionId: string;
  /** Epoch milliseconds. */
  askedAt: number;
}

export interface SelectPromptInput {
  /** The active questions (retired ones already left out); other types are ignored. */
  questions: readonly PromptQuestion[];
  interviewType: string;
  targetLevel: Level;
  /** Every prompt the interviewee has been asked, with when; a question may appear more than once. */
  askedOfInterviewee: readonly PastPrompt[];
  /** Prompts the interviewer has been asked as an interviewee. */
  answeredByInterviewer: Iterable<string>;
  /** Prompts that must not be chosen, e.g. the one picked for the other round of a swap. */
  exclude?: Iterable<string>;
  /** Returns a number in [0, 1), like Math.random; a seeded one makes the choice reproducible. */
  random: () => number;
}

export interface PromptChoice {
  questionId: string;
  /** 0 when the question covers the target level; otherwise how many levels away the pool was. */
  levelDistance: number;
  /** True when the interviewee had already seen every prompt of the pool. */
  repeat: boolean;
  interviewerKnows: boolean;
  /** Questions in the pool the choice was made from (after `exclude`). */
  poolSize: number;
}

/** The choice, or null when the type has no question the rules allow. */
export function selectPrompt(input: SelectPromptInput): PromptChoice | null {
  const excluded = new Set(input.exclude ?? []);
  const target = LEVELS.indexOf(input.targetLevel);
  const ofType = input.questions.filter(
    (question) => question.type === input.interviewType && !excluded.has(question.id),
  );
  if (ofType.length === 0) return null;

  const distanceOf = (question: PromptQuestion) =>
    Math.min(...question.levels.map((level) => Math.abs(LEVELS.indexOf(level) - target)));
  const levelDistance = Math.min(...ofType.map(distanceOf));
  const pool = ofType.filter((question) => distanceOf(question) === levelDistance);

  const lastAsked = new Map<string, number>();
  for (const past of input.askedOfInterviewee) {
    lastAsked.set(past.questionId, Math.max(past.askedAt, lastAsked.get(past.questionId) ?? -Infinity));
  }
  const fresh = pool.filter((question) => !lastAsked.has(question.id));
  const repeat = fresh.length === 0;
  let candidates = fresh;
  if (repeat) {
    const oldest = Math.min(...pool.map((question) => lastAsked.get(question.id) ?? 0));
    candidates = pool.filter((question) => lastAsked.get(question.id) === oldest);
  }

  const known = new Set(input.answeredByInterviewer);
  const familiar = candidates.filter((question) => known.has(question.id));
  if (familiar.length > 0) candidates = familiar;

  // Sorted so the same random number picks the same question whatever order the bank came in.
  const ordered = candidates.map((question) => question.id).sort();
  const index = Math.min(ordered.length - 1, Math.max(0, Math.floor(input.random() * ordered.length)));
  const questionId = ordered[index]!;
  return { questionId, levelDistance, repeat, interviewerKnows: familiar.length > 0, poolSize: pool.length };
}
