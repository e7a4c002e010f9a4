import type { Level } from '../../domain/matching/types.ts';
import { escapeText } from './escape-text.ts';
import { LEVEL_LABELS } from './labels.ts';

/** "PM – Senior", or one level alone; a question's levels are consecutive. */
export function levelRange(levels: readonly Level[]): string {
  const first = levels[0];
  const last = levels[levels.length - 1];
  if (!first || !last) return 'Any level';
  return first === last ? LEVEL_LABELS[first] : `${LEVEL_LABELS[first]} – ${LEVEL_LABELS[last]}`;
}

/** A question's text as a Slack quote; organizers' own questions may hold characters Slack reads. */
export function quoted(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `• ${escapeText(item)}`).join('\n');
}
