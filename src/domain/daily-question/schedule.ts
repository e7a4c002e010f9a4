import { DateTime } from 'luxon';
import { zoneOf } from '../availability/time-zone.ts';
import { WEEKDAYS, type Weekday } from '../availability/weekdays.ts';

/**
 * When a workspace's daily question is due. BullMQ's job scheduler fires it from a cron pattern
 * with a timezone (cronPattern); everything else — is a run owed now, which local date is it
 * for — is decided here on the caller's clock, so a test sets the clock instead of waiting.
 *
 * A run's instant follows the cron library BullMQ uses (cron-parser), so that a catch-up and the
 * scheduler never disagree about the day's run:
 * - spring forward: a time in the skipped hour moves forward by the gap (02:30 in New York on the
 *   March switch runs at 03:30 EDT);
 * - fall back: a time that shows twice runs at its first occurrence (01:30 EDT, not EST).
 * test/unit/daily-question/schedule.test.ts checks both against BullMQ's own getNextMillis.
 */

export interface DailySchedule {
  /** 'HH:MM', 24-hour. */
  localTime: string;
  /** IANA zone. */
  timezone: string;
  weekdays: readonly Weekday[];
}

export interface DueRun {
  /** 'YYYY-MM-DD' on the schedule's calendar: the day the question is for. */
  localDate: string;
  /** Epoch milliseconds of that day's run. */
  at: number;
}

/**
 * How late the processor's clock may run behind the one that fired the job and still count the run
 * as due: BullMQ promotes delayed jobs on the clock of whichever process checks, not ours.
 */
export const CLOCK_TOLERANCE_MS = 60_000;

const HOUR_MS = 3_600_000;

/** Cron's day numbers: Sunday 0 … Saturday 6. */
const CRON_DAY: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** The pattern BullMQ's scheduler fires on, read in the schedule's timezone (`tz`). */
export function cronPattern(schedule: DailySchedule): string {
  const [hour, minute] = schedule.localTime.split(':').map(Number);
  const days = [...new Set(schedule.weekdays.map((day) => CRON_DAY[day]))].sort((a, b) => a - b);
  const dayField = days.length === 7 ? '*' : days.join(',');
  return `${minute} ${hour} * * ${dayField}`;
}

/** The calendar date at `instant` in `timezone`, as 'YYYY-MM-DD'. */
export function localDateAt(timezone: string, instant: number): string {
  return DateTime.fromMillis(instant, { zone: zoneOf(timezone) }).toISODate()!;
}

export function weekdayOf(localDate: string): Weekday {
  return WEEKDAYS[DateTime.fromISO(localDate, { zone: 'utc' }).weekday - 1]!;
}

/** The instant of the run on `localDate`, or null when the schedule skips that weekday. */
export function runOn(schedule: DailySchedule, localDate: string): number | null {
  if (!schedule.weekdays.includes(weekdayOf(localDate))) return null;
  const zone = zoneOf(schedule.timezone);
  const wall = DateTime.fromISO(`${localDate}T${schedule.localTime}`, { zone: 'utc' }).toMillis();
  // The wall-clock time read with each offset the zone uses around that day: the offsets that give
  // it back are its real instants (two on fall-back day, none inside a spring-forward gap).
  const offsets = new Set([-24, 0, 24].map((hours) => zone.offset(wall + hours * HOUR_MS)));
  const instants = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => zone.offset(instant) * 60_000 === wall - instant);
  if (instants.length > 0) return Math.min(...instants);
  // Inside a gap luxon moves the time forward by the gap's length, as cron-parser does.
  return DateTime.fromISO(`${localDate}T${schedule.localTime}`, { zone }).toMillis();
}

/** The first run strictly after `after`; null only for a schedule with no weekdays. */
export function nextRunAfter(schedule: DailySchedule, after: number): number | null {
  if (schedule.weekdays.length === 0) return null;
  const start = DateTime.fromISO(localDateAt(schedule.timezone, after), { zone: 'utc' });
  // Today may already be past; a week and a day later always holds the next chosen weekday.
  for (let day = 0; day <= 8; day += 1) {
    const at = runOn(schedule, start.plus({ days: day }).toISODate()!);
    if (at !== null && at > after) return at;
  }
  return null;
}

/**
 * The run owed at `now`, if any: today's (on the schedule's calendar), once its time has come,
 * when today is a posting day and the schedule was already in force at that time. Earlier days are
 * never owed, so an app that was down for a week posts today's question only, not a backlog.
 */
export function dueRun(schedule: DailySchedule, now: number, activeSince: number): DueRun | null {
  const localDate = localDateAt(schedule.timezone, now);
  const at = runOn(schedule, localDate);
  if (at === null || at > now + CLOCK_TOLERANCE_MS || at < activeSince) return null;
  return { localDate, at };
}
