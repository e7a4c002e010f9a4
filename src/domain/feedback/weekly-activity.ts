import { weekAround } from './practice-streak.ts';

/**
 * The community's sessions per calendar week (Monday to Sunday, on the organizer's clock), for the
 * organizers' activity chart: the last `weeks` weeks, this one included, oldest first, with the
 * empty weeks too (a quiet week is news). Counts only: nothing here names a member.
 */

export interface CompletedSession {
  startsAt: number;
  /** Someone was reported absent. */
  noShow: boolean;
}

export interface WeekActivity {
  /** Monday 00:00 on the organizer's clock (ms). */
  weekStart: number;
  /** Completed sessions both people came to. */
  held: number;
  /** Completed sessions someone was reported absent from. */
  withNoShow: number;
}

/** The first instant of the oldest week `weeksShown` covers: what the store reads from. */
export function activityWindowStart(now: number, timeZone: string, weeksShown: number): number {
  return weekStarts(now, timeZone, weeksShown)[0]!;
}

export function weeklyActivity(
  sessions: readonly CompletedSession[],
  now: number,
  timeZone: string,
  weeksShown = 8,
): WeekActivity[] {
  const starts = weekStarts(now, timeZone, weeksShown);
  const weeks = starts.map((weekStart) => ({ weekStart, held: 0, withNoShow: 0 }));
  for (const session of sessions) {
    if (session.startsAt > now || session.startsAt < starts[0]!) continue;
    // The last week that starts at or before the session (starts are ascending).
    const index = starts.findLastIndex((start) => start <= session.startsAt);
    const week = weeks[index]!;
    if (session.noShow) week.withNoShow += 1;
    else week.held += 1;
  }
  return weeks;
}

/** Week starts, oldest first. Stepped back through weekAround so a DST change keeps Mondays at 00:00. */
function weekStarts(now: number, timeZone: string, count: number): number[] {
  const starts = [weekAround(now, timeZone).start];
  while (starts.length < count) starts.unshift(weekAround(starts[0]! - 1, timeZone).start);
  return starts;
}
