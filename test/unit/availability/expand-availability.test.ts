import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type {
  Availability,
  SpecificSlot,
  WeeklyWindow,
} from '../../../src/domain/availability/availability-schema.ts';
import { expandAvailability } from '../../../src/domain/availability/expand-availability.ts';
import { UnknownTimeZoneError } from '../../../src/domain/availability/time-zone.ts';
import type { UtcInterval } from '../../../src/domain/availability/utc-intervals.ts';

const DAY_MS = 86_400_000;
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
/** UTC instants written out as "2026-03-08T06:00Z", so expected values read at a glance. */
const utc = (instant: number) => new Date(instant).toISOString().replace(':00.000Z', 'Z');
const asUtc = (intervals: UtcInterval[]) => intervals.map(({ start, end }) => `${utc(start)} → ${utc(end)}`);

const slots = (...list: SpecificSlot[]): Availability => ({ weekly: [], slots: list });
const weekly = (...list: WeeklyWindow[]): Availability => ({ weekly: list, slots: [] });

/** "2026-03-08 01:00-03:00" expanded as a one-off slot, from three days before with a week's horizon. */
function expandSlot(zone: string, spec: string): string[] {
  const [date = '', hours = ''] = spec.split(' ');
  const [start = '', end = ''] = hours.split('-');
  const now = at(`${date}T00:00`) - 3 * DAY_MS;
  return asUtc(expandAvailability(slots({ date, start, end }), zone, { now, horizonDays: 7 }));
}

describe('expandAvailability on DST switch days', () => {
  // America/New_York 2026-03-08: 02:00 EST jumps to 03:00 EDT at 07:00Z.
  // America/New_York 2026-11-01: 02:00 EDT falls back to 01:00 EST at 06:00Z.
  it.each([
    ['2026-03-08 18:00-20:00', '2026-03-08T22:00Z → 2026-03-09T00:00Z'], // ordinary EDT evening
    ['2026-03-08 01:00-03:00', '2026-03-08T06:00Z → 2026-03-08T07:00Z'], // one real hour
    ['2026-03-08 02:30-04:00', '2026-03-08T07:00Z → 2026-03-08T08:00Z'], // start in the gap: at the jump
    ['2026-03-08 01:30-02:30', '2026-03-08T06:30Z → 2026-03-08T07:00Z'], // end in the gap: at the jump
    ['2026-03-08 00:00-24:00', '2026-03-08T05:00Z → 2026-03-09T04:00Z'], // a 23-hour day
    ['2026-03-07 22:00-03:00', '2026-03-08T03:00Z → 2026-03-08T07:00Z'], // Saturday night across the jump
    ['2026-11-01 01:00-03:00', '2026-11-01T05:00Z → 2026-11-01T08:00Z'], // three real hours
    ['2026-11-01 01:30-02:30', '2026-11-01T05:30Z → 2026-11-01T07:30Z'], // repeated start: first (EDT)
    ['2026-11-01 00:30-01:30', '2026-11-01T04:30Z → 2026-11-01T05:30Z'], // repeated end: first (EDT)
    ['2026-11-01 01:15-01:45', '2026-11-01T05:15Z → 2026-11-01T05:45Z'], // inside the repeated hour
    ['2026-11-01 00:00-24:00', '2026-11-01T04:00Z → 2026-11-02T05:00Z'], // a 25-hour day
    ['2026-10-31 23:00-02:00', '2026-11-01T03:00Z → 2026-11-01T07:00Z'], // Saturday night across it
    ['2026-11-01 18:00-21:00', '2026-11-01T23:00Z → 2026-11-02T02:00Z'], // ordinary EST evening
  ])('America/New_York %s', (spec, expected) => {
    expect(expandSlot('America/New_York', spec)).toEqual([expected]);
  });

  // Europe/London 2026-03-29: 01:00 GMT jumps to 02:00 BST at 01:00Z.
  // Europe/London 2026-10-25: 02:00 BST falls back to 01:00 GMT at 01:00Z.
  it.each([
    ['2026-03-29 00:30-02:30', '2026-03-29T00:30Z → 2026-03-29T01:30Z'], // one real hour
    ['2026-03-29 01:15-03:00', '2026-03-29T01:00Z → 2026-03-29T02:00Z'], // start in the gap: at the jump
    ['2026-03-29 18:00-21:00', '2026-03-29T17:00Z → 2026-03-29T20:00Z'], // ordinary BST evening
    ['2026-03-29 00:00-24:00', '2026-03-29T00:00Z → 2026-03-29T23:00Z'], // a 23-hour day
    ['2026-10-25 00:30-02:30', '2026-10-24T23:30Z → 2026-10-25T02:30Z'], // three real hours
    ['2026-10-25 01:30-02:00', '2026-10-25T00:30Z → 2026-10-25T02:00Z'], // repeated start: first (BST)
    ['2026-10-25 01:00-01:45', '2026-10-25T00:00Z → 2026-10-25T00:45Z'], // inside the repeated hour
    ['2026-10-25 18:00-21:00', '2026-10-25T18:00Z → 2026-10-25T21:00Z'], // ordinary GMT evening
  ])('Europe/London %s', (spec, expected) => {
    expect(expandSlot('Europe/London', spec)).toEqual([expected]);
  });

  // Australia/Sydney 2026-04-05: 03:00 AEDT (+11) falls back to 02:00 AEST (+10) at 16:00Z.
  // Australia/Sydney 2026-10-04: 02:00 AEST jumps to 03:00 AEDT at 16:00Z.
  it.each([
    ['2026-04-05 02:00-04:00', '2026-04-04T15:00Z → 2026-04-04T18:00Z'], // three real hours
    ['2026-04-05 02:30-03:00', '2026-04-04T15:30Z → 2026-04-04T17:00Z'], // 03:00 first shows in AEST
    ['2026-04-04 18:00-21:00', '2026-04-04T07:00Z → 2026-04-04T10:00Z'], // Saturday evening, AEDT
    ['2026-04-05 18:00-21:00', '2026-04-05T08:00Z → 2026-04-05T11:00Z'], // Sunday evening, AEST
    ['2026-10-04 01:00-04:00', '2026-10-03T15:00Z → 2026-10-03T17:00Z'], // two real hours
    ['2026-10-04 02:30-03:30', '2026-10-03T16:00Z → 2026-10-03T16:30Z'], // start in the gap: at the jump
    ['2026-10-04 18:00-21:00', '2026-10-04T07:00Z → 2026-10-04T10:00Z'], // Sunday evening, AEDT
  ])('Australia/Sydney %s', (spec, expected) => {
    expect(expandSlot('Australia/Sydney', spec)).toEqual([expected]);
  });

  it.each([
    ['America/New_York', '2026-03-08 02:00-03:00'],
    ['America/New_York', '2026-03-08 02:15-02:45'],
    ['Europe/London', '2026-03-29 01:00-02:00'],
    ['Australia/Sydney', '2026-10-04 02:00-03:00'],
  ])('%s: %s lies wholly in the skipped hour and yields nothing', (zone, spec) => {
    expect(expandSlot(zone, spec)).toEqual([]);
  });

  it('keeps a daily window on the same wall-clock time across the switch', () => {
    const everyDay = weekly({
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      start: '09:00',
      end: '10:00',
    });
    const now = at('2026-03-07T12:00'); // Saturday 07:00 EST
    expect(asUtc(expandAvailability(everyDay, 'America/New_York', { now, horizonDays: 3 }))).toEqual([
      '2026-03-07T14:00Z → 2026-03-07T15:00Z',
      '2026-03-08T13:00Z → 2026-03-08T14:00Z',
      '2026-03-09T13:00Z → 2026-03-09T14:00Z',
    ]);
  });

  it('agrees with luxon wherever a local time is unambiguous', () => {
    const luxon = DateTime.fromISO('2026-03-08T18:00', { zone: 'America/New_York' }).toUTC().toISO();
    expect(luxon).toBe('2026-03-08T22:00:00.000Z');
    expect(expandSlot('America/New_York', '2026-03-08 18:00-19:00')).toEqual([
      '2026-03-08T22:00Z → 2026-03-08T23:00Z',
    ]);
  });
});

describe('expandAvailability in half- and quarter-hour zones', () => {
  const monday = at('2026-03-09T00:00');
  it.each([
    // Asia/Kolkata is UTC+05:30 all year; Asia/Kathmandu UTC+05:45.
    [
      'Asia/Kolkata',
      weekly({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '21:00' }),
      2,
      ['2026-03-09T12:30Z → 2026-03-09T15:30Z', '2026-03-10T12:30Z → 2026-03-10T15:30Z'],
    ],
    [
      'Asia/Kolkata',
      weekly({ days: ['fri'], start: '22:00', end: '01:00' }),
      7,
      ['2026-03-13T16:30Z → 2026-03-13T19:30Z'],
    ],
    [
      'Asia/Kathmandu',
      weekly({ days: ['sat'], start: '09:00', end: '11:00' }),
      7,
      ['2026-03-14T03:15Z → 2026-03-14T05:15Z'],
    ],
    [
      'Asia/Kathmandu',
      slots({ date: '2026-03-10', start: '23:30', end: '01:00' }),
      7,
      ['2026-03-10T17:45Z → 2026-03-10T19:15Z'],
    ],
    // Monday began at 18:15Z on Sunday in Kathmandu, so "now" (00:00Z) is already 05:45 there.
    [
      'Asia/Kathmandu',
      weekly({ days: ['mon'], start: '00:00', end: '24:00' }),
      1,
      ['2026-03-09T00:00Z → 2026-03-09T18:15Z'],
    ],
  ])('%s %j over %i days', (zone, availability, horizonDays, expected) => {
    expect(asUtc(expandAvailability(availability, zone, { now: monday, horizonDays }))).toEqual(expected);
  });
});

describe('expandAvailability windows, horizon and merging', () => {
  const newYork = 'America/New_York';

  it('runs a window that crosses midnight into the next day', () => {
    const window = weekly({ days: ['fri'], start: '22:00', end: '01:00' });
    const result = expandAvailability(window, newYork, { now: at('2026-03-09T12:00'), horizonDays: 7 });
    expect(asUtc(result)).toEqual(['2026-03-14T02:00Z → 2026-03-14T05:00Z']);
  });

  it("keeps the rest of last night's window that is still open", () => {
    // Saturday 01:00 EDT: Friday's 22:00–02:00 window has one hour left.
    const window = weekly({ days: ['fri'], start: '22:00', end: '02:00' });
    const result = expandAvailability(window, newYork, { now: at('2026-03-14T05:00'), horizonDays: 1 });
    expect(asUtc(result)).toEqual(['2026-03-14T05:00Z → 2026-03-14T06:00Z']);
  });

  it('clips to [now, now + horizon)', () => {
    // Monday 19:00 EDT with one day ahead: the rest of tonight and the first hour of Tuesday's.
    const window = weekly({ days: ['mon', 'tue'], start: '18:00', end: '21:00' });
    const result = expandAvailability(window, newYork, { now: at('2026-03-09T23:00'), horizonDays: 1 });
    expect(asUtc(result)).toEqual([
      '2026-03-09T23:00Z → 2026-03-10T01:00Z',
      '2026-03-10T22:00Z → 2026-03-10T23:00Z',
    ]);
  });

  it('drops slots in the past and beyond the horizon', () => {
    const availability = slots(
      { date: '2026-03-01', start: '18:00', end: '21:00' },
      { date: '2026-03-20', start: '18:00', end: '21:00' },
      { date: '2026-03-10', start: '18:00', end: '21:00' },
    );
    const result = expandAvailability(availability, newYork, { now: at('2026-03-09T12:00'), horizonDays: 7 });
    expect(asUtc(result)).toEqual(['2026-03-10T22:00Z → 2026-03-11T01:00Z']);
  });

  it('merges overlapping and touching windows and sorts them', () => {
    const availability: Availability = {
      weekly: [
        { days: ['tue'], start: '19:00', end: '20:00' },
        { days: ['mon'], start: '18:00', end: '19:00' },
        { days: ['mon'], start: '19:00', end: '20:00' },
      ],
      slots: [{ date: '2026-03-09', start: '19:30', end: '22:00' }],
    };
    const result = expandAvailability(availability, newYork, { now: at('2026-03-09T12:00'), horizonDays: 2 });
    expect(asUtc(result)).toEqual([
      '2026-03-09T22:00Z → 2026-03-10T02:00Z',
      '2026-03-10T23:00Z → 2026-03-11T00:00Z',
    ]);
  });

  it('turns a window that starts and ends at the same time into nothing, not a whole day', () => {
    const availability = slots({ date: '2026-03-10', start: '18:00', end: '18:00' });
    expect(
      expandAvailability(availability, newYork, { now: at('2026-03-09T12:00'), horizonDays: 7 }),
    ).toEqual([]);
  });
});

describe('expandAvailability "now"', () => {
  const now = at('2026-03-09T15:07');
  const expand = (availability: Availability) =>
    asUtc(expandAvailability(availability, 'Asia/Kolkata', { now, horizonDays: 1 }));

  it.each([
    ['from the expansion when no moment was recorded', undefined, ['2026-03-09T15:07Z → 2026-03-09T16:37Z']],
    ['from the moment the member said it', at('2026-03-09T14:37'), ['2026-03-09T15:07Z → 2026-03-09T16:07Z']],
    ['not at all once it has run out', at('2026-03-09T12:00'), []],
  ])('counts %s', (_name, since, expected) => {
    const entry =
      since === undefined
        ? { now: true as const, forMinutes: 90 }
        : { now: true as const, since, forMinutes: 90 };
    expect(expand({ weekly: [], slots: [], now: entry })).toEqual(expected);
  });

  it('merges "now" with a window that starts during it', () => {
    // 21:00–23:00 IST is 15:30Z–17:30Z.
    const availability: Availability = {
      weekly: [],
      slots: [{ date: '2026-03-09', start: '21:00', end: '23:00' }],
      now: { now: true, forMinutes: 60 },
    };
    expect(expand(availability)).toEqual(['2026-03-09T15:07Z → 2026-03-09T17:30Z']);
  });
});

describe('expandAvailability refuses what it cannot expand', () => {
  const availability = weekly({ days: ['mon'], start: '18:00', end: '21:00' });

  it.each(['Mars/Olympus', '', 'UTC+3'])('the unknown zone %j', (zone) => {
    expect(() => expandAvailability(availability, zone, { now: 0, horizonDays: 7 })).toThrow(
      UnknownTimeZoneError,
    );
  });

  it.each([0, -1, 61, Number.NaN])('a horizon of %d days', (horizonDays) => {
    expect(() => expandAvailability(availability, 'UTC', { now: 0, horizonDays })).toThrow(RangeError);
  });
});
