import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { practiceStreak, weekAround } from '../../../src/domain/feedback/practice-streak.ts';

const at = (iso: string, zone = 'Europe/London') => DateTime.fromISO(iso, { zone }).toMillis();

// Wednesday 12 November 2025, in London.
const NOW = at('2025-11-12T12:00');

describe('practiceStreak', () => {
  it('is empty with no sessions', () => {
    expect(practiceStreak([], NOW, 'Europe/London')).toEqual({
      weeks: 0,
      longest: 0,
      practisedThisWeek: false,
      sessions: 0,
    });
  });

  it('counts consecutive weeks up to this one', () => {
    const streak = practiceStreak(
      [at('2025-11-10T18:00'), at('2025-11-04T18:00'), at('2025-11-06T18:00'), at('2025-10-28T09:00')],
      NOW,
      'Europe/London',
    );
    expect(streak).toEqual({ weeks: 3, longest: 3, practisedThisWeek: true, sessions: 4 });
  });

  it('is not broken by a week that is not over yet', () => {
    const streak = practiceStreak([at('2025-11-05T18:00'), at('2025-10-29T18:00')], NOW, 'Europe/London');
    expect(streak).toMatchObject({ weeks: 2, practisedThisWeek: false });
  });

  it('a missed week ends it; the longest run is kept', () => {
    const streak = practiceStreak(
      [at('2025-10-29T18:00'), at('2025-10-15T18:00'), at('2025-10-08T18:00'), at('2025-10-01T18:00')],
      NOW,
      'Europe/London',
    );
    expect(streak).toMatchObject({ weeks: 0, longest: 3 });
  });

  it('reads weeks on the member’s clock: Sunday night in Los Angeles is Monday in London', () => {
    const sundayNightLa = at('2025-11-09T20:00', 'America/Los_Angeles');
    const nowLa = at('2025-11-12T12:00', 'America/Los_Angeles');
    expect(practiceStreak([sundayNightLa], nowLa, 'America/Los_Angeles').practisedThisWeek).toBe(false);
    expect(practiceStreak([sundayNightLa], nowLa, 'Europe/London').practisedThisWeek).toBe(true);
  });

  it('counts weeks across a clock change', () => {
    const streak = practiceStreak(
      [at('2025-10-22T18:00'), at('2025-10-29T18:00')],
      at('2025-10-30T12:00'),
      'Europe/London',
    );
    expect(streak.longest).toBe(2);
  });

  it('ignores sessions in the future and falls back to UTC for an unknown zone', () => {
    const streak = practiceStreak([NOW + 3600_000, NOW - 3600_000], NOW, 'Mars/Olympus');
    expect(streak).toMatchObject({ weeks: 1, sessions: 1 });
  });

  it('fifty weekly sessions make a fifty-week streak', () => {
    const weekly = Array.from({ length: 50 }, (_, week) => NOW - week * 7 * 24 * 3600 * 1000);
    expect(practiceStreak(weekly, NOW, 'Europe/London')).toMatchObject({
      weeks: 50,
      longest: 50,
      sessions: 50,
    });
  });
});

describe('weekAround', () => {
  it('is Monday to Monday on the given clock', () => {
    expect(weekAround(NOW, 'Europe/London')).toEqual({
      start: at('2025-11-10T00:00'),
      end: at('2025-11-17T00:00'),
    });
    const tokyo = weekAround(at('2025-11-09T20:00'), 'Asia/Tokyo');
    expect(tokyo.start).toBe(at('2025-11-10T00:00', 'Asia/Tokyo'));
  });
});
