import { getNextMillis } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { WORKING_DAYS } from '../../../src/domain/availability/weekdays.ts';
import {
  CLOCK_TOLERANCE_MS,
  cronPattern,
  type DailySchedule,
  dueRun,
  localDateAt,
  nextRunAfter,
  runOn,
} from '../../../src/domain/daily-question/schedule.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());

const newYork: DailySchedule = { localTime: '09:00', timezone: 'America/New_York', weekdays: WORKING_DAYS };
const everyDay = (localTime: string, timezone: string): DailySchedule => ({
  localTime,
  timezone,
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
});

/** The runs BullMQ's scheduler makes from `from` on, with the pattern and tz we give it. */
function bullmqRuns(schedule: DailySchedule, from: string, count: number): string[] {
  const runs: string[] = [];
  let millis = at(from);
  for (let i = 0; i < count; i += 1) {
    millis = getNextMillis(millis, { pattern: cronPattern(schedule), tz: schedule.timezone })!;
    runs.push(new Date(millis).toISOString());
  }
  return runs;
}

function ourRuns(schedule: DailySchedule, from: string, count: number): string[] {
  const runs: string[] = [];
  let millis = at(from);
  for (let i = 0; i < count; i += 1) {
    millis = nextRunAfter(schedule, millis)!;
    runs.push(new Date(millis).toISOString());
  }
  return runs;
}

describe('cronPattern', () => {
  it.each([
    [newYork, '0 9 * * 1,2,3,4,5'],
    [{ ...newYork, localTime: '18:05', weekdays: ['sun', 'sat'] }, '5 18 * * 0,6'],
    [everyDay('07:30', 'UTC'), '30 7 * * *'],
  ] as const)('%j → %s', (schedule, pattern) => {
    expect(cronPattern(schedule)).toBe(pattern);
  });
});

describe('the daily run across DST switches, as BullMQ schedules it', () => {
  it('keeps 09:00 New York through the March switch (EST → EDT): 14:00 UTC, then 13:00 UTC', () => {
    const expected = [
      '2026-03-05T14:00:00.000Z', // Thu
      '2026-03-06T14:00:00.000Z', // Fri; the clocks go forward on Sunday 8 March
      '2026-03-09T13:00:00.000Z', // Mon
      '2026-03-10T13:00:00.000Z', // Tue
    ];
    expect(bullmqRuns(newYork, '2026-03-05T00:00:00Z', 4)).toEqual(expected);
    expect(ourRuns(newYork, '2026-03-05T00:00:00Z', 4)).toEqual(expected);
  });

  it('keeps 09:00 New York through the November switch (EDT → EST): 13:00 UTC, then 14:00 UTC', () => {
    const expected = [
      '2026-10-29T13:00:00.000Z', // Thu
      '2026-10-30T13:00:00.000Z', // Fri; the clocks go back on Sunday 1 November
      '2026-11-02T14:00:00.000Z', // Mon
      '2026-11-03T14:00:00.000Z', // Tue
    ];
    expect(bullmqRuns(newYork, '2026-10-29T00:00:00Z', 4)).toEqual(expected);
    expect(ourRuns(newYork, '2026-10-29T00:00:00Z', 4)).toEqual(expected);
  });

  it('keeps 08:30 London through the last Sundays of March and October', () => {
    const london = everyDay('08:30', 'Europe/London');
    const spring = ['2026-03-28T08:30:00.000Z', '2026-03-29T07:30:00.000Z', '2026-03-30T07:30:00.000Z'];
    const autumn = ['2026-10-24T07:30:00.000Z', '2026-10-25T08:30:00.000Z', '2026-10-26T08:30:00.000Z'];
    expect(bullmqRuns(london, '2026-03-28T00:00:00Z', 3)).toEqual(spring);
    expect(ourRuns(london, '2026-03-28T00:00:00Z', 3)).toEqual(spring);
    expect(bullmqRuns(london, '2026-10-24T00:00:00Z', 3)).toEqual(autumn);
    expect(ourRuns(london, '2026-10-24T00:00:00Z', 3)).toEqual(autumn);
  });

  it.each([
    // A time in the skipped hour moves forward by the gap: 02:30 → 03:30 EDT.
    ['02:30', '2026-03-07T00:00:00Z'],
    // A time that shows twice runs once, at its first occurrence: 01:30 EDT.
    ['01:30', '2026-10-31T00:00:00Z'],
  ])('agrees with BullMQ for %s around a switch', (localTime, from) => {
    const schedule = everyDay(localTime, 'America/New_York');
    expect(ourRuns(schedule, from, 3)).toEqual(bullmqRuns(schedule, from, 3));
  });

  it('runs exactly once on fall-back day for a time that shows twice', () => {
    const schedule = everyDay('01:30', 'America/New_York');
    expect(iso(runOn(schedule, '2026-11-01'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextRunAfter(schedule, at('2026-11-01T05:30:00Z')))).toBe('2026-11-02T06:30:00.000Z');
  });

  it('agrees with BullMQ in zones with half-hour offsets and no DST', () => {
    const kathmandu = { ...newYork, timezone: 'Asia/Kathmandu' };
    expect(ourRuns(kathmandu, '2026-06-01T00:00:00Z', 5)).toEqual(
      bullmqRuns(kathmandu, '2026-06-01T00:00:00Z', 5),
    );
  });
});

describe('runOn', () => {
  it('is null on a day the schedule skips', () => {
    expect(runOn(newYork, '2026-03-08')).toBeNull(); // a Sunday
    expect(iso(runOn(newYork, '2026-03-09'))).toBe('2026-03-09T13:00:00.000Z');
  });
});

describe('dueRun: what a run or a catch-up owes at a moment', () => {
  const since = at('2026-03-01T00:00:00Z');

  it.each([
    ['before the time on a posting day', '2026-03-10T12:55:00Z', null],
    ['at the time', '2026-03-10T13:00:00Z', '2026-03-10'],
    ['later the same local day (the app was down at 09:00)', '2026-03-11T03:59:00Z', '2026-03-10'],
    ['the next local day before its time: yesterday is not owed', '2026-03-11T04:01:00Z', null],
    ['on a Sunday, which is not a posting day', '2026-03-08T15:00:00Z', null],
  ])('%s', (_what, now, localDate) => {
    expect(dueRun(newYork, at(now), since)?.localDate ?? null).toBe(localDate);
  });

  it('owes nothing from before the schedule was set: turning it on at 10:00 waits for tomorrow', () => {
    const turnedOn = at('2026-03-10T14:00:00Z'); // 10:00 EDT
    expect(dueRun(newYork, at('2026-03-10T14:05:00Z'), turnedOn)).toBeNull();
    expect(dueRun(newYork, at('2026-03-11T13:00:05Z'), turnedOn)).toEqual({
      localDate: '2026-03-11',
      at: at('2026-03-11T13:00:00Z'),
    });
  });

  it('forgives a processor clock a little behind the one that fired the job', () => {
    const justBefore = at('2026-03-10T13:00:00Z') - CLOCK_TOLERANCE_MS / 2;
    expect(dueRun(newYork, justBefore, since)?.localDate).toBe('2026-03-10');
  });

  it('reads the local date in the schedule’s zone, not UTC', () => {
    const tokyo = { ...newYork, timezone: 'Asia/Tokyo', localTime: '08:00' };
    // 23:30 UTC on Monday 9 March is 08:30 on Tuesday 10 March in Tokyo.
    expect(localDateAt('Asia/Tokyo', at('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    expect(dueRun(tokyo, at('2026-03-09T23:30:00Z'), since)?.localDate).toBe('2026-03-10');
  });
});
