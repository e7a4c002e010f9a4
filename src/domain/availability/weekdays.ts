/** Week order, Monday first (ISO 8601), the order windows are shown in. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WORKING_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const WEEKEND_DAYS: readonly Weekday[] = ['sat', 'sun'];

export function sortWeekdays(days: Iterable<Weekday>): Weekday[] {
  const chosen = new Set(days);
  return WEEKDAYS.filter((day) => chosen.has(day));
}
