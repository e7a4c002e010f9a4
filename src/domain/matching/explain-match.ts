import { interviewTypeLabel } from '../interview-types.ts';
import { LEVEL_LABELS } from '../level-words.ts';
import type { CompatiblePair } from './compatibility.ts';
import { DAY_MS, type MatchingRules } from './matching-rules.ts';
import type { Level, OpenRequest } from './types.ts';

/**
 * "Why were we matched?" — every intro states it. Plain facts plus one sentence in
 * English; the Slack layer renders names and times (with `<!date>` tokens) around it.
 */
export interface MatchExplanation {
  interviewType: string;
  sharedInterviewTypes: string[];
  overlapMinutes: number;
  levels: [Level, Level];
  /** How far apart the two members' clocks are, taken round the clock. */
  timezoneGapMinutes: number;
  /** Days since the two last practised together, or null if never. */
  daysSinceLastPaired: number | null;
  summary: string;
}

export function explainMatch(
  a: OpenRequest,
  b: OpenRequest,
  pair: CompatiblePair,
  rules: MatchingRules,
): MatchExplanation {
  const apart = Math.abs(a.timezoneOffsetMinutes - b.timezoneOffsetMinutes) % (24 * 60);
  const timezoneGapMinutes = Math.min(apart, 24 * 60 - apart);
  const daysSinceLastPaired =
    pair.lastPairedAt === undefined ? null : Math.floor((rules.now - pair.lastPairedAt) / DAY_MS);
  const others = pair.sharedInterviewTypes
    .filter((type) => type !== pair.interviewType)
    .map((type) => interviewTypeLabel(type));
  const parts = [
    `both want ${interviewTypeLabel(pair.interviewType)} practice${others.length > 0 ? ` (and share ${others.join(', ')})` : ''}`,
    `${formatMinutes(pair.overlapMinutes)} of shared free time in the next ${rules.config.horizonDays} days`,
    describeLevels(a.level, b.level, pair.levelDistance),
    timezoneGapMinutes === 0 ? 'same clock time' : `clocks ${formatMinutes(timezoneGapMinutes)} apart`,
    daysSinceLastPaired === null ? 'first session together' : `last paired ${daysSinceLastPaired} days ago`,
  ];
  const summary = `${capitalise(parts.join('; '))}.`;
  return {
    interviewType: pair.interviewType,
    sharedInterviewTypes: pair.sharedInterviewTypes,
    overlapMinutes: pair.overlapMinutes,
    levels: [a.level, b.level],
    timezoneGapMinutes,
    daysSinceLastPaired,
    summary,
  };
}

export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function describeLevels(a: Level, b: Level, distance: number): string {
  if (distance === 0) return `both target ${LEVEL_LABELS[a]}`;
  return `targets ${LEVEL_LABELS[a]} and ${LEVEL_LABELS[b]}, ${distance === 1 ? 'one level' : `${distance} levels`} apart`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
