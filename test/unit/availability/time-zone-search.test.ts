import { describe, expect, it } from 'vitest';
import { searchTimeZones, timeZoneChoice } from '../../../src/domain/availability/time-zone-search.ts';

const WINTER = Date.UTC(2026, 0, 15);
const SUMMER = Date.UTC(2026, 6, 15);

describe('searchTimeZones', () => {
  it.each([
    ['kolk', 'Asia/Kolkata'],
    ['new york', 'America/New_York'],
    ['NEW_YORK', 'America/New_York'],
    ['kathmandu', 'Asia/Kathmandu'],
    ['kyiv', 'Europe/Kyiv'],
  ])('finds %s by name under its current spelling', (query, zone) => {
    expect(searchTimeZones(query, WINTER).map((choice) => choice.zone)).toContain(zone);
  });

  it('finds zones by offset, with or without the leading zero or "UTC"', () => {
    for (const query of ['+5:30', '+05:30', 'UTC+5:30', 'gmt+5:30']) {
      expect(searchTimeZones(query, WINTER).map((choice) => choice.zone)).toContain('Asia/Kolkata');
    }
    expect(searchTimeZones('utc-5', WINTER).map((choice) => choice.zone)).toContain('America/New_York');
  });

  it('labels with the offset at the given moment, so DST shows', () => {
    expect(timeZoneChoice('Europe/London', WINTER).label).toBe('Europe/London (UTC+00:00)');
    expect(timeZoneChoice('Europe/London', SUMMER).label).toBe('Europe/London (UTC+01:00)');
    expect(timeZoneChoice('America/New_York', WINTER).label).toBe('America/New York (UTC−05:00)');
  });

  it('caps the list for a Slack menu and finds nothing for nonsense', () => {
    expect(searchTimeZones('', WINTER)).toHaveLength(100);
    expect(searchTimeZones('a', WINTER, 10)).toHaveLength(10);
    expect(searchTimeZones('zzzz', WINTER)).toEqual([]);
  });

  it('lists no zone twice', () => {
    const zones = searchTimeZones('', WINTER, 1000).map((choice) => choice.zone);
    expect(new Set(zones).size).toBe(zones.length);
  });
});
