import { MIN_WINDOW_MINUTES, type Outcome } from './availability-schema.ts';
import { formatMinuteOfDay, MINUTES_PER_DAY, windowMinutes } from './local-time.ts';
import { looksLikeDate } from './parse-day-spec.ts';
import { textMessages } from './text-messages.ts';

/**
 * Reads the hours of a quick-path window as members type them: `18:00-21:00`, `18-21`, `9-11am`,
 * `6pm-9:30pm`, `18.30-21h`. The text arrives with dashes and "to" already joined into one token.
 */

export interface TimeRange {
  start: string;
  end: string;
}

type Meridiem = 'am' | 'pm';

interface ClockReading {
  minute: number;
  meridiem: Meridiem | null;
  /** `09:00` rather than `9`: written on a 24-hour clock, so never read as afternoon. */
  padded: boolean;
}

const CLOCK_PATTERN = /^(\d{1,2})(?:[:.h](\d{2})|(\d{2})|h)?(am|pm|a|p)?$/;

function readClock(word: string): ClockReading | null {
  const match = CLOCK_PATTERN.exec(word);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? '0');
  if (minutes > 59) return null;
  const suffix = match[4];
  if (suffix) {
    if (hours < 1 || hours > 12) return null;
    const meridiem: Meridiem = suffix.startsWith('a') ? 'am' : 'pm';
    return { minute: withMeridiem(hours, minutes, meridiem), meridiem, padded: false };
  }
  if (hours > 24 || (hours === 24 && minutes > 0)) return null;
  return { minute: hours * 60 + minutes, meridiem: null, padded: word.startsWith('0') };
}

function withMeridiem(hours: number, minutes: number, meridiem: Meridiem): number {
  return ((hours % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + minutes;
}

/**
 * `6-9pm` means 18:00–21:00, but `11-1pm` means 11:00–13:00: an unmarked start takes the end's
 * am/pm unless that would put it after the end, as people write it.
 */
function inheritMeridiem(start: ClockReading, end: ClockReading): number {
  if (start.meridiem || !end.meridiem || start.minute >= 13 * 60 || start.minute === 0) return start.minute;
  const hours = Math.floor(start.minute / 60);
  const minutes = start.minute % 60;
  const same = withMeridiem(hours, minutes, end.meridiem);
  if (same < end.minute) return same;
  return withMeridiem(hours, minutes, end.meridiem === 'am' ? 'pm' : 'am');
}

/**
 * Nobody means a 20-hour window by `9-5`: a morning start with an earlier end written like a
 * 12-hour clock (1–12, no am/pm, no leading zero) reads as an afternoon end (09:00–17:00).
 * Evening starts keep running past midnight (`22-1` is 22:00–01:00), as people mean them.
 */
function afternoonEnd(startMinute: number, end: ClockReading): number {
  const morningStart = startMinute < 12 * 60;
  const plainHour = end.meridiem === null && !end.padded && end.minute >= 60 && end.minute <= 12 * 60;
  return morningStart && plainHour && end.minute <= startMinute ? end.minute + 12 * 60 : end.minute;
}

export function looksLikeTimeRange(word: string): boolean {
  return /^\d/.test(word) && !looksLikeDate(word);
}

export function parseTimeRange(word: string): Outcome<TimeRange> {
  const [startWord, endWord, ...rest] = word.split('-');
  if (!startWord || !endWord || rest.length > 0) return { ok: false, message: textMessages.badRange(word) };
  const start = readClock(startWord);
  if (!start) return { ok: false, message: textMessages.badTime(startWord) };
  const end = readClock(endWord);
  if (!end) return { ok: false, message: textMessages.badTime(endWord) };
  const startMinute = inheritMeridiem(start, end);
  const endMinute = afternoonEnd(startMinute, end);
  if (startMinute === MINUTES_PER_DAY) return { ok: false, message: textMessages.startsAtMidnightEnd(word) };
  const range = { start: formatMinuteOfDay(startMinute), end: formatMinuteOfDay(endMinute) };
  const minutes = windowMinutes(range.start, range.end);
  if (minutes === 0) return { ok: false, message: textMessages.emptyRange(word) };
  if (minutes < MIN_WINDOW_MINUTES) return { ok: false, message: textMessages.tooShort(word, minutes) };
  return { ok: true, value: range };
}
