import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  chooseTimeZone,
  currentOffsetMinutes,
  isValidTimeZone,
  normaliseTimeZone,
  UnknownTimeZoneError,
} from '../../../src/domain/availability/time-zone.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

describe('isValidTimeZone', () => {
  it.each([
    ['America/New_York', true],
    ['Asia/Kathmandu', true],
    ['US/Eastern', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['UTC+3', false],
    ['', false],
  ])('%j → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('normaliseTimeZone', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    [' Europe/London ', 'Europe/London'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
    ['US/Pacific', 'America/Los_Angeles'],
    ['GB', 'Europe/London'],
    ['Australia/ACT', 'Australia/Sydney'],
    ['Etc/UTC', 'UTC'],
    // ICU reports these by their old spelling; members know the current one.
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Kathmandu', 'Asia/Kathmandu'],
    ['Asia/Katmandu', 'Asia/Kathmandu'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    // A zone ICU folds into a twin keeps its own name.
    ['Europe/Bratislava', 'Europe/Bratislava'],
    ['Mars/Olympus', null],
    ['UTC+3', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseTimeZone(input)).toBe(expected);
  });
});

describe('chooseTimeZone', () => {
  it.each([
    [['Europe/Berlin', 'America/New_York'], { timeZone: 'Europe/Berlin', fellBack: false }],
    [[null, 'Asia/Calcutta'], { timeZone: 'Asia/Kolkata', fellBack: false }],
    [['Mars/Olympus', undefined, ''], { timeZone: 'UTC', fellBack: true }],
    [[], { timeZone: 'UTC', fellBack: true }],
  ])('%j → %j', (candidates, expected) => {
    expect(chooseTimeZone(candidates, 'UTC')).toEqual(expected);
  });

  it('refuses an unknown fallback instead of guessing', () => {
    expect(() => chooseTimeZone([null], 'Nowhere/Special')).toThrow(UnknownTimeZoneError);
  });
});

describe('currentOffsetMinutes', () => {
  it.each([
    ['America/New_York', '2026-03-08T06:59', -300],
    ['America/New_York', '2026-03-08T07:00', -240],
    ['America/New_York', '2026-11-01T05:59', -240],
    ['America/New_York', '2026-11-01T06:00', -300],
    ['Europe/London', '2026-03-29T00:59', 0],
    ['Europe/London', '2026-03-29T01:00', 60],
    ['Australia/Sydney', '2026-04-04T15:59', 660],
    ['Australia/Sydney', '2026-04-04T16:00', 600],
    ['Australia/Sydney', '2026-10-03T16:00', 660],
    ['Asia/Kolkata', '2026-07-01T00:00', 330],
    ['Asia/Kathmandu', '2026-07-01T00:00', 345],
    ['UTC', '2026-07-01T00:00', 0],
  ])('%s at %sZ → %i', (zone, instant, expected) => {
    expect(currentOffsetMinutes(zone, at(instant))).toBe(expected);
  });

  it('refuses an unknown zone', () => {
    expect(() => currentOffsetMinutes('Mars/Olympus', 0)).toThrow(UnknownTimeZoneError);
  });
});
