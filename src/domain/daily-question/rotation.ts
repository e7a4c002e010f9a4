/**
 * Which question a channel gets today. Pure: the caller passes the bank, the channel's history and
 * a random source, so a choice can be replayed and tested.
 *
 * - Types take turns: each posting day the next type in the organizer's order after the type last
 *   posted (a type with no active question is passed over).
 * - Within a type, no question comes back to a channel until every question of that type has been
 *   posted there; then the one posted longest ago, so the second round keeps the first one's order.
 */

export interface PastPost {
  questionId: string;
  interviewType: string;
  /** Epoch milliseconds. */
  postedAt: number;
}

/** The type after `lastType` in `types`, skipping types without questions; null when none has any. */
export function nextDailyType(
  types: readonly string[],
  lastType: string | null,
  hasQuestions: (type: string) => boolean,
): string | null {
  const start = lastType === null ? 0 : types.indexOf(lastType) + 1;
  for (let step = 0; step < types.length; step += 1) {
    const type = types[(start + step) % types.length]!;
    if (hasQuestions(type)) return type;
  }
  return null;
}

export interface DailyQuestionChoice {
  questionId: string;
  /** True when every question of the type had already been posted in the channel. */
  repeat: boolean;
}

/** The question for today among `questionIds` (one type's active questions), or null when empty. */
export function pickDailyQuestion(input: {
  questionIds: readonly string[];
  /** What the channel was given before, any type; a question may appear more than once. */
  history: readonly PastPost[];
  /** Returns a number in [0, 1), like Math.random. */
  random: () => number;
}): DailyQuestionChoice | null {
  if (input.questionIds.length === 0) return null;
  const lastPosted = new Map<string, number>();
  for (const post of input.history) {
    lastPosted.set(post.questionId, Math.max(post.postedAt, lastPosted.get(post.questionId) ?? -Infinity));
  }
  const fresh = input.questionIds.filter((id) => !lastPosted.has(id));
  const repeat = fresh.length === 0;
  let candidates = fresh;
  if (repeat) {
    const oldest = Math.min(...input.questionIds.map((id) => lastPosted.get(id)!));
    candidates = input.questionIds.filter((id) => lastPosted.get(id) === oldest);
  }
  // Sorted so the same random number picks the same question whatever order the bank came in.
  const ordered = [...candidates].sort();
  const index = Math.min(ordered.length - 1, Math.max(0, Math.floor(input.random() * ordered.length)));
  return { questionId: ordered[index]!, repeat };
}
