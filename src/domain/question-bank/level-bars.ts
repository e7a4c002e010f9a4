import { LEVELS, type Level } from '../matching/types.ts';
import type { LevelBars } from './rubric-schema.ts';

/**
 * A rubric's level bars, read cumulatively: the bar for a target level is the PM bar plus what
 * each level up to the target adds. An interviewer judging a Staff candidate sees all three steps,
 * so a Staff answer that misses the PM basics is not mistaken for a strong one.
 */

export interface LevelStep {
  level: Level;
  text: string;
  /** False for PM, the base bar; true for each level that adds to the one below. */
  adds: boolean;
}

/** The steps up to and including `target`; every level when no target is known. */
export function levelSteps(bars: LevelBars, target?: Level): LevelStep[] {
  const last = target ? LEVELS.indexOf(target) : LEVELS.length - 1;
  return LEVELS.slice(0, last + 1).map((level, index) => ({ level, text: bars[level], adds: index > 0 }));
}
