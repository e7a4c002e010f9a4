import type { RubricTiming, TimingShape } from './rubric-schema.ts';

/**
 * How long one interview round lasts, and how to spend it, from the session's length. A rubric
 * gives its timing as shares of a round; this turns them into minutes for the round at hand,
 * because a 45-minute swap gives each person about 20 minutes, not the 30 a single interview has.
 * Pure: the brief's builder turns the result into words.
 */

/** Kept free at the end of every session, whatever its length, for the spoken debrief. */
export const DEBRIEF_MINUTES = 5;

/** A round never fits more answers than this, however long it is: depth beats coverage. */
export const MAX_ANSWERS_PER_ROUND = 3;

export interface RoundPlan {
  sessionMinutes: number;
  /** 2 for a swap (each interviews the other in turn), 1 for a one-way session. */
  rounds: number;
  /** Whole minutes each round may take. */
  roundMinutes: number;
  debriefMinutes: number;
}

export function roundPlan(sessionMinutes: number, rounds: number): RoundPlan {
  const count = Math.max(1, Math.floor(rounds));
  // A session too short for a debrief (none are today) gives every minute to the rounds.
  const debriefMinutes = sessionMinutes >= count * 10 + DEBRIEF_MINUTES ? DEBRIEF_MINUTES : 0;
  return {
    sessionMinutes,
    rounds: count,
    roundMinutes: Math.max(1, Math.floor((sessionMinutes - debriefMinutes) / count)),
    debriefMinutes,
  };
}

export interface TimedPart {
  minutes: number;
  part: string;
}

export interface RoundTiming {
  roundMinutes: number;
  /** How many answers (stories) fit the round; 1 for types answered in one go. */
  answers: number;
  /** Set for types answered in several short answers: the nouns for one and several. */
  answer?: { one: string; many: string; minutes: number };
  /** Minutes per answer: the whole round when there is one. */
  answerMinutes: number;
  /** The parts of one answer, in minutes that add up to answerMinutes. */
  parts: TimedPart[];
}

/** The timing for a prompt of `topic`: the rubric's own, or the first byTopic entry naming it. */
export function timingFor(timing: RubricTiming, topic: string | undefined): TimingShape {
  const special =
    topic === undefined ? undefined : timing.byTopic?.find((each) => each.topics.includes(topic));
  const shape = special ?? timing;
  return { parts: shape.parts, ...(shape.answer ? { answer: shape.answer } : {}) };
}

export function roundTiming(timing: TimingShape, roundMinutes: number): RoundTiming {
  const answers = timing.answer
    ? Math.min(MAX_ANSWERS_PER_ROUND, Math.max(1, Math.floor(roundMinutes / timing.answer.minutes)))
    : 1;
  const answerMinutes = Math.floor(roundMinutes / answers);
  const minutes = splitMinutes(
    answerMinutes,
    timing.parts.map((part) => part.share),
  );
  return {
    roundMinutes,
    answers,
    ...(timing.answer ? { answer: timing.answer } : {}),
    answerMinutes,
    parts: timing.parts.map((part, index) => ({ minutes: minutes[index] ?? 0, part: part.part })),
  };
}

/**
 * `total` whole minutes in proportion to `shares`, adding up to exactly `total`: each part gets
 * its rounded-down share, and the minutes left go to the largest remainders (earlier parts first
 * on a tie). Every part gets at least one minute when there are minutes enough.
 */
export function splitMinutes(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (shares.length === 0 || sum <= 0 || total <= 0) return shares.map(() => 0);
  const exact = shares.map((share) => (total * share) / sum);
  const minutes = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - minutes.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left === 0) break;
    minutes[index] = (minutes[index] ?? 0) + 1;
    left -= 1;
  }
  if (total >= shares.length) {
    // Lift any zero to one minute, taking it from the largest part.
    for (let index = 0; index < minutes.length; index += 1) {
      if (minutes[index] !== 0) continue;
      const largest = minutes.indexOf(Math.max(...minutes));
      minutes[largest] = (minutes[largest] ?? 0) - 1;
      minutes[index] = 1;
    }
  }
  return minutes;
}

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four'];

function count(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** "3 to clarify the goal; 9 on solutions; 3 on metrics": parts may hold commas of their own. */
function partsText(parts: readonly TimedPart[]): string {
  return parts.map((part) => `${part.minutes} ${part.part}`).join('; ');
}

/**
 * The round in words, for the interviewer's brief, e.g. "About 20 minutes for your round of the
 * 45-minute session (two rounds of 20, then 5 to debrief together). One story: two do not fit in
 * 20 minutes. 5 to hear it …".
 */
export function roundTimingText(timing: RubricTiming, plan: RoundPlan, topic?: string): string {
  const round = roundTiming(timingFor(timing, topic), plan.roundMinutes);
  const debrief = plan.debriefMinutes > 0 ? `, then ${plan.debriefMinutes} to debrief together` : '';
  const shape =
    plan.rounds === 1
      ? `one round${debrief}`
      : `${count(plan.rounds)} rounds of ${plan.roundMinutes}${debrief}`;
  const opening = `About ${plan.roundMinutes} minutes for your round of the ${plan.sessionMinutes}-minute session (${shape}).`;
  if (!round.answer) return `${opening} ${capitalised(partsText(round.parts))}.`;
  const { one, many, minutes } = round.answer;
  if (round.answers === 1) {
    const why = plan.roundMinutes < 2 * minutes ? `: two do not fit in ${plan.roundMinutes} minutes` : '';
    return `${opening} One ${one}${why}. ${capitalised(partsText(round.parts))}.`;
  }
  return `${opening} ${capitalised(count(round.answers))} ${many} of about ${round.answerMinutes} minutes each: the prompt's first, then one of your choosing on a related theme. For each: ${partsText(round.parts)}.`;
}
