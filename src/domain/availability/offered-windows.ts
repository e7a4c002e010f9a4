import { DateTime } from 'luxon';
import { type AvailabilityEntry, DEFAULT_NOW_MINUTES, type WeeklyWindow } from './availability-schema.ts';
import { formatWindow, windowAsText } from './format-window.ts';
import { zoneOf } from './time-zone.ts';
import { WEEKEND_DAYS, WORKING_DAYS } from './weekdays.ts';

/**
 * The choices the request modal offers, on the member's own clock. They cover when people in
 * interview prep actually practise (after work, at lunch, weekend mornings) plus "now" and this
 * evening, because most members want a partner today or this week.
 */

export interface OfferedWindow {
  /** Stable name of the preset, for analytics and for tests. */
  id: string;
  /** What the member reads, well under Block Kit's 75-character option text. */
  label: string;
  /** The window in the quick-path language; use it as the option value and parse it back. */
  text: string;
  entry: AvailabilityEntry;
}

const WEEKLY_PRESETS: ReadonlyArray<{ id: string; name: string; window: WeeklyWindow }> = [
  {
    id: 'weekday-evenings',
    name: 'Weekday evenings',
    window: { days: [...WORKING_DAYS], start: '18:00', end: '21:00' },
  },
  {
    id: 'weekday-lunch',
    name: 'Weekday lunch',
    window: { days: [...WORKING_DAYS], start: '12:00', end: '13:30' },
  },
  {
    id: 'weekday-mornings',
    name: 'Weekday mornings',
    window: { days: [...WORKING_DAYS], start: '07:30', end: '09:00' },
  },
  {
    id: 'weekend-mornings',
    name: 'Weekend mornings',
    window: { days: [...WEEKEND_DAYS], start: '09:00', end: '12:00' },
  },
  {
    id: 'weekend-afternoons',
    name: 'Weekend afternoons',
    window: { days: [...WEEKEND_DAYS], start: '14:00', end: '18:00' },
  },
];

const EVENING = { start: '18:00', end: '22:00' };
/** After this local time too little of tonight is left for a session, so tomorrow is offered. */
const LAST_CALL_FOR_TONIGHT = '20:30';

function offer(id: string, label: string, entry: AvailabilityEntry): OfferedWindow {
  return { id, label, text: windowAsText(entry), entry };
}

export function offeredWindows(timeZone: string, now: number): OfferedWindow[] {
  const local = DateTime.fromMillis(now, { zone: zoneOf(timeZone) });
  const tonight = local.toFormat('HH:mm') < LAST_CALL_FOR_TONIGHT;
  const evening = { date: (tonight ? local : local.plus({ days: 1 })).toISODate()!, ...EVENING };
  const nowEntry = { now: true as const, forMinutes: DEFAULT_NOW_MINUTES };

  return [
    offer('now', formatWindow(nowEntry), nowEntry),
    tonight
      ? offer('this-evening', `This evening, ${evening.start}–${evening.end}`, evening)
      : offer('tomorrow-evening', `Tomorrow evening, ${formatWindow(evening)}`, evening),
    ...WEEKLY_PRESETS.map(({ id, name, window }) =>
      offer(id, `${name}, ${window.start}–${window.end}`, { ...window, days: [...window.days] }),
    ),
  ];
}
