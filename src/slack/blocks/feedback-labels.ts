import type { HireSignal } from '../../domain/feedback/feedback-rules.ts';
import type { Level } from '../../domain/matching/types.ts';
import type { LevelStep } from '../../domain/question-bank/level-bars.ts';
import { escapeText } from './escape-text.ts';
import { LEVEL_LABELS } from './labels.ts';

/** Action ids of the feedback buttons (check-in message, nudge DM, Home tab), shared with the listeners. */
export const FEEDBACK_ACTIONS = {
  open: 'feedback-open',
} as const;

/** How the overall signal reads in Slack; the stored values stay the enum names. */
export const HIRE_SIGNAL_LABELS: Record<HireSignal, string> = {
  STRONG_NO: 'Strong no',
  NO: 'No',
  YES: 'Yes',
  STRONG_YES: 'Strong yes',
};

/** One word per rubric score, beside the dimension's own anchor text. */
export const SCORE_WORDS: Record<number, string> = {
  1: 'Not yet',
  2: 'Getting there',
  3: 'Solid',
  4: 'Strong',
};

/** The rating for a dimension the interview did not test; it is left out of every average. */
export const NOT_COVERED_WORDS = {
  option: 'Not covered',
  description: 'The prompt or the time did not reach this; left out of their averages.',
} as const;

/**
 * A rubric's bar for a target level, cumulative: the PM bar, then what each level up to the
 * target adds. Without a target, every level, so the reader can place the answer themselves.
 */
export function levelBarText(steps: readonly LevelStep[], target: Level | undefined): string {
  const heading = target
    ? `*The bar for ${LEVEL_LABELS[target]}*, each step including the ones before it:`
    : '*The bar at each level*, each including the ones before it:';
  const lines = steps.map(
    (step) => `• ${LEVEL_LABELS[step.level]}${step.adds ? ' adds' : ''}: ${escapeText(step.text)}`,
  );
  return [heading, ...lines].join('\n');
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis when it was longer. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** A member's text as a Slack block quote, escaped by the caller, within `max` characters. */
export function quote(escaped: string, max: number): string {
  const quoted = escaped
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  return clip(quoted, max);
}
