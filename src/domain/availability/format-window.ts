import { DateTime } from 'luxon';
import type { Availability, AvailabilityEntry } from './availability-schema.ts';
import { WEEKDAYS, type Weekday } from './weekdays.ts';

/**
 * Availability read back to the member in the words they would use, on their own clock: no
 * conversion happens here, because what they entered is what they recognise.
 */

const DAY_LABELS: Readonly<Record<Weekday, string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

function sameDays(days: readonly Weekday[], expected: readonly Weekday[]): boolean {
  return days.length === expected.length && expected.every((day) => days.includes(day));
}

/** Runs of three or more neighbouring days read as a range ("Mon–Thu"); shorter ones as a list. */
function describeDays(days: readonly Weekday[]): string {
  if (sameDays(days, WEEKDAYS)) return 'Every day';
  if (sameDays(days, ['mon', 'tue', 'wed', 'thu', 'fri'])) return 'Weekdays';
  if (sameDays(days, ['sat', 'sun'])) return 'Weekends';
  const indexes = WEEKDAYS.map((day, index) => (days.includes(day) ? index : -1)).filter(
    (index) => index >= 0,
  );
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j++;
    const first = DAY_LABELS[WEEKDAYS[indexes[i]!]!];
    const last = DAY_LABELS[WEEKDAYS[indexes[j]!]!];
    if (j - i >= 2) parts.push(`${first}–${last}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_LABELS[WEEKDAYS[indexes[k]!]!]);
    i = j + 1;
  }
  return parts.join(', ');
}

export function formatDuration(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * How far away something is, as a reminder says it: "15 minutes", "3 hours", "2 days". Rounded to
 * the unit that reads naturally; never "2245 minutes".
 */
export function formatLeadTime(minutes: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (minutes < 90) return plural(Math.max(1, Math.round(minutes)), 'minute');
  if (minutes < 36 * 60) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / (24 * 60)), 'day');
}

/** "Weekdays 18:00–21:00", "Mon, Wed 19:00–21:30", "Sun 8 Mar 09:00–11:00", "Now, for 90 minutes". */
export function formatWindow(entry: AvailabilityEntry): string {
  if ('now' in entry) return `Now, for ${formatDuration(entry.forMinutes)}`;
  const hours = `${entry.start}–${entry.end}`;
  if ('days' in entry) return `${describeDays(entry.days)} ${hours}`;
  const date = DateTime.fromISO(entry.date, { zone: 'utc', locale: 'en-GB' }).toFormat('ccc d LLL');
  return `${date} ${hours}`;
}

/** One line per entry: "now" first, then dated slots in date order, then the weekly pattern. */
export function formatAvailability(availability: Availability): string[] {
  const slots = [...availability.slots].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
  return [...(availability.now ? [availability.now] : []), ...slots, ...availability.weekly].map(
    formatWindow,
  );
}

function daysAsText(days: readonly Weekday[]): string {
  if (sameDays(days, WEEKDAYS)) return 'daily';
  if (sameDays(days, ['mon', 'tue', 'wed', 'thu', 'fri'])) return 'weekdays';
  if (sameDays(days, ['sat', 'sun'])) return 'weekends';
  return WEEKDAYS.filter((day) => days.includes(day)).join(',');
}

/**
 * The entry in the quick-path language (`weekdays 18:00-21:00`, `2026-03-10 18:00-22:00`,
 * `now 90`), which parseAvailabilityText reads back. Short enough for a Block Kit option value
 * (150 characters), so a modal and the slash command share one way of writing availability.
 */
export function windowAsText(entry: AvailabilityEntry): string {
  if ('now' in entry) return `now ${entry.forMinutes}`;
  const hours = `${entry.start}-${entry.end}`;
  return 'days' in entry ? `${daysAsText(entry.days)} ${hours}` : `${entry.date} ${hours}`;
}
