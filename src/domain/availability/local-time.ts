/**
 * Wall-clock times of day as members write them ('HH:MM', 24-hour). Internally a time of day is
 * its minute since local midnight, 0..1440, where 1440 is '24:00': the end of a window that runs
 * to midnight, which is not the same as '00:00' (the start of that day).
 */

export const MINUTES_PER_DAY = 24 * 60;

/** A time a window may start at: 00:00..23:59. */
export const START_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A time a window may end at: 00:00..23:59, or 24:00 for "until midnight". */
export const END_TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minute of the day for a time that already matched one of the patterns above. */
export function minuteOfDay(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

export function formatMinuteOfDay(minute: number): string {
  const hours = Math.floor(minute / 60);
  const minutes = minute % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * How long a window lasts on an ordinary day. An end before the start means the window runs past
 * midnight (22:00–01:00 is three hours); an equal end is an empty window, not a whole day, because
 * a member who means "all day" writes 00:00–24:00.
 */
export function windowMinutes(start: string, end: string): number {
  const from = minuteOfDay(start);
  const to = minuteOfDay(end);
  return to >= from ? to - from : MINUTES_PER_DAY - from + to;
}
