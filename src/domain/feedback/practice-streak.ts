import { DateTime } from 'luxon';

/**
 * The practice streak: consecutive calendar weeks (Monday to Sunday, on the member's clock) with
 * at least one session the member attended. Weekly, not daily: mock interviews are a weekly habit.
 * The current week does not break the streak before it is over.
 */

export interface PracticeStreak {
  /** Consecutive weeks up to this week (or last week, while this one has no session yet). */
  weeks: number;
  /** The longest run of consecutive weeks ever. */
  longest: number;
  /** Whether this week already has a session. */
  practisedThisWeek: boolean;
  /** Sessions attended in all. */
  sessions: number;
}

function weekStart(at: number, timeZone: string): DateTime {
  return DateTime.fromMillis(at, { zone: timeZone }).startOf('week');
}

function knownZone(timeZone: string): string {
  return DateTime.now().setZone(timeZone).isValid ? timeZone : 'UTC';
}

/** The calendar week (Monday 00:00 to the next Monday 00:00) around `now`, on the clock of `timeZone`. */
export function weekAround(now: number, timeZone: string): { start: number; end: number } {
  const start = weekStart(now, knownZone(timeZone));
  return { start: start.toMillis(), end: start.plus({ weeks: 1 }).toMillis() };
}

export function practiceStreak(
  sessionStarts: readonly number[],
  now: number,
  preferredZone: string,
): PracticeStreak {
  // An unknown zone (a stale override) reads the weeks in UTC rather than failing the whole Home tab.
  const timeZone = knownZone(preferredZone);
  const weeks = new Set(
    sessionStarts.filter((at) => at <= now).map((at) => weekStart(at, timeZone).toISODate()),
  );
  const thisWeek = weekStart(now, timeZone);
  const practisedThisWeek = weeks.has(thisWeek.toISODate());

  let current = 0;
  let cursor = practisedThisWeek ? thisWeek : thisWeek.minus({ weeks: 1 });
  while (weeks.has(cursor.toISODate())) {
    current += 1;
    cursor = cursor.minus({ weeks: 1 });
  }

  let longest = 0;
  let run = 0;
  let previous: DateTime | null = null;
  for (const iso of [...weeks].sort()) {
    const week = DateTime.fromISO(iso!, { zone: timeZone });
    run = previous && Math.round(week.diff(previous, 'weeks').weeks) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = week;
  }
  return {
    weeks: current,
    longest,
    practisedThisWeek,
    sessions: sessionStarts.filter((at) => at <= now).length,
  };
}
