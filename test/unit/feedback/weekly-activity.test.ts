import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { activityWindowStart, weeklyActivity } from '../../../src/domain/feedback/weekly-activity.ts';

const zone = 'Europe/London';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
// Thursday 3 December 2026, 10:00 in London.
const now = at('2026-12-03T10:00');

describe('weeklyActivity', () => {
  it('counts each week Monday to Sunday on the clock given, oldest first, quiet weeks included', () => {
    const weeks = weeklyActivity(
      [
        { startsAt: at('2026-11-30T00:00'), noShow: false }, // this Monday, first minute
        { startsAt: at('2026-11-29T23:59'), noShow: true }, // last Sunday, last minute
        { startsAt: at('2026-11-23T09:00'), noShow: false },
        { startsAt: at('2026-11-10T12:00'), noShow: false },
      ],
      now,
      zone,
      4,
    );
    expect(weeks).toEqual([
      { weekStart: at('2026-11-09T00:00'), held: 1, withNoShow: 0 },
      { weekStart: at('2026-11-16T00:00'), held: 0, withNoShow: 0 },
      { weekStart: at('2026-11-23T00:00'), held: 1, withNoShow: 1 },
      { weekStart: at('2026-11-30T00:00'), held: 1, withNoShow: 0 },
    ]);
  });

  it('leaves out sessions before the window and after now', () => {
    const weeks = weeklyActivity(
      [
        { startsAt: at('2026-11-08T23:00'), noShow: false },
        { startsAt: at('2026-12-03T11:00'), noShow: false },
      ],
      now,
      zone,
      4,
    );
    expect(weeks.every((week) => week.held === 0 && week.withNoShow === 0)).toBe(true);
  });

  it('keeps Mondays at midnight across the end of summer time', () => {
    const weeks = weeklyActivity([], at('2026-11-04T12:00'), zone, 3);
    expect(weeks.map((week) => DateTime.fromMillis(week.weekStart, { zone }).toISO())).toEqual([
      '2026-10-19T00:00:00.000+01:00',
      '2026-10-26T00:00:00.000+00:00',
      '2026-11-02T00:00:00.000+00:00',
    ]);
    expect(activityWindowStart(at('2026-11-04T12:00'), zone, 3)).toBe(weeks[0]!.weekStart);
  });
});
