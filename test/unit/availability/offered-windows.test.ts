import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availabilityFromEntries } from '../../../src/domain/availability/availability-schema.ts';
import { expandAvailability } from '../../../src/domain/availability/expand-availability.ts';
import { offeredWindows } from '../../../src/domain/availability/offered-windows.ts';
import { parseAvailabilityText } from '../../../src/domain/availability/parse-availability-text.ts';
import { UnknownTimeZoneError } from '../../../src/domain/availability/time-zone.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

describe('offeredWindows', () => {
  it('offers now, this evening and the usual practice times on the member clock', () => {
    // Monday 08:00 EDT.
    expect(
      offeredWindows('America/New_York', at('2026-03-09T12:00')).map(({ id, label, text }) => [
        id,
        label,
        text,
      ]),
    ).toEqual([
      ['now', 'Now, for 90 minutes', 'now 90'],
      ['this-evening', 'This evening, 18:00–22:00', '2026-03-09 18:00-22:00'],
      ['weekday-evenings', 'Weekday evenings, 18:00–21:00', 'weekdays 18:00-21:00'],
      ['weekday-lunch', 'Weekday lunch, 12:00–13:30', 'weekdays 12:00-13:30'],
      ['weekday-mornings', 'Weekday mornings, 07:30–09:00', 'weekdays 07:30-09:00'],
      ['weekend-mornings', 'Weekend mornings, 09:00–12:00', 'weekends 09:00-12:00'],
      ['weekend-afternoons', 'Weekend afternoons, 14:00–18:00', 'weekends 14:00-18:00'],
    ]);
  });

  it.each([
    // 20:25 and 20:35 in Kathmandu (UTC+05:45): the quarter-hour offset decides.
    ['Asia/Kathmandu', '2026-03-09T14:40', 'this-evening', 'This evening, 18:00–22:00', '2026-03-09'],
    [
      'Asia/Kathmandu',
      '2026-03-09T14:50',
      'tomorrow-evening',
      'Tomorrow evening, Tue 10 Mar 18:00–22:00',
      '2026-03-10',
    ],
    // 21:00 Monday in New York is already Tuesday in UTC.
    [
      'America/New_York',
      '2026-03-10T01:00',
      'tomorrow-evening',
      'Tomorrow evening, Tue 10 Mar 18:00–22:00',
      '2026-03-10',
    ],
    // 00:30 Sunday in Sydney is still Saturday in UTC.
    ['Australia/Sydney', '2026-04-04T13:30', 'this-evening', 'This evening, 18:00–22:00', '2026-04-05'],
  ])('in %s at %sZ offers %s', (zone, now, id, label, date) => {
    const evening = offeredWindows(zone, at(now))[1];
    expect(evening).toEqual({
      id,
      label,
      text: `${date} 18:00-22:00`,
      entry: { date, start: '18:00', end: '22:00' },
    });
  });

  it('fits Block Kit: option text under 75 characters and values under 150', () => {
    for (const offered of offeredWindows('America/Argentina/Buenos_Aires', at('2026-03-09T23:59'))) {
      expect(offered.label.length).toBeLessThanOrEqual(75);
      expect(offered.text.length).toBeLessThanOrEqual(150);
    }
  });

  it('gives option values that read back to the same windows', () => {
    const now = at('2026-03-09T12:00');
    for (const offered of offeredWindows('Asia/Kolkata', now)) {
      const parsed = parseAvailabilityText(offered.text, { now, timeZone: 'Asia/Kolkata' });
      const entry = 'now' in offered.entry ? { ...offered.entry, since: now } : offered.entry;
      expect(parsed).toEqual({ ok: true, value: availabilityFromEntries([entry]) });
    }
  });

  it('means local time: weekday evenings in Kolkata are 12:30Z–15:30Z', () => {
    const now = at('2026-03-09T00:00');
    const evenings = offeredWindows('Asia/Kolkata', now).find(({ id }) => id === 'weekday-evenings')!;
    const expanded = expandAvailability(availabilityFromEntries([evenings.entry]), 'Asia/Kolkata', {
      now,
      horizonDays: 1,
    });
    expect(
      expanded.map(({ start, end }) => [new Date(start).toISOString(), new Date(end).toISOString()]),
    ).toEqual([['2026-03-09T12:30:00.000Z', '2026-03-09T15:30:00.000Z']]);
  });

  it('refuses an unknown zone', () => {
    expect(() => offeredWindows('Mars/Olympus', 0)).toThrow(UnknownTimeZoneError);
  });
});
