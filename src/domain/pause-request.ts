import { DateTime } from 'luxon';
import type { Outcome } from './availability/availability-schema.ts';

/** `/mock pause` stops matching until `/mock resume`; `/mock pause until 2026-12-01` snoozes. */
export type PauseRequest = { kind: 'pause' } | { kind: 'snooze'; until: Date };

const MAX_SNOOZE_DAYS = 365;

/**
 * Reads what follows `/mock pause`. A date means "match me again from that day", at the start
 * of that day in the member's own timezone.
 */
export function parsePauseText(
  text: string,
  context: { now: number; timeZone: string },
): Outcome<PauseRequest> {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words[0] === 'until') words.shift();
  if (words.length === 0) return { ok: true, value: { kind: 'pause' } };
  const [date] = words;
  const day = DateTime.fromISO(date ?? '', { zone: context.timeZone });
  if (words.length > 1 || !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || !day.isValid) {
    return {
      ok: false,
      message: 'Use `/mock pause` to pause, or `/mock pause until 2026-12-01` to snooze until a date.',
    };
  }
  const until = day.startOf('day');
  const now = DateTime.fromMillis(context.now, { zone: context.timeZone });
  if (until <= now.startOf('day'))
    return { ok: false, message: `${date} is not in the future; pick a later date.` };
  if (until > now.plus({ days: MAX_SNOOZE_DAYS })) {
    return {
      ok: false,
      message: `Snoozes last at most ${MAX_SNOOZE_DAYS} days; use \`/mock pause\` to stop until you resume.`,
    };
  }
  return { ok: true, value: { kind: 'snooze', until: until.toJSDate() } };
}
