import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AvailabilityEntry } from '../../../src/domain/availability/availability-schema.ts';
import {
  formatAvailability,
  formatWindow,
  windowAsText,
} from '../../../src/domain/availability/format-window.ts';
import { parseAvailabilityText } from '../../../src/domain/availability/parse-availability-text.ts';

const entries: Array<[AvailabilityEntry, string, string]> = [
  [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '21:00' },
    'Weekdays 18:00–21:00',
    'weekdays 18:00-21:00',
  ],
  [{ days: ['sat', 'sun'], start: '10:00', end: '14:00' }, 'Weekends 10:00–14:00', 'weekends 10:00-14:00'],
  [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '07:00', end: '08:00' },
    'Every day 07:00–08:00',
    'daily 07:00-08:00',
  ],
  [{ days: ['mon', 'wed'], start: '19:00', end: '21:30' }, 'Mon, Wed 19:00–21:30', 'mon,wed 19:00-21:30'],
  [{ days: ['mon', 'tue'], start: '19:00', end: '21:00' }, 'Mon, Tue 19:00–21:00', 'mon,tue 19:00-21:00'],
  [
    { days: ['mon', 'tue', 'wed', 'thu'], start: '19:00', end: '21:00' },
    'Mon–Thu 19:00–21:00',
    'mon,tue,wed,thu 19:00-21:00',
  ],
  [
    { days: ['mon', 'tue', 'wed', 'fri'], start: '19:00', end: '21:00' },
    'Mon–Wed, Fri 19:00–21:00',
    'mon,tue,wed,fri 19:00-21:00',
  ],
  [
    { days: ['mon', 'fri', 'sat', 'sun'], start: '20:00', end: '22:00' },
    'Mon, Fri–Sun 20:00–22:00',
    'mon,fri,sat,sun 20:00-22:00',
  ],
  [{ days: ['fri'], start: '22:00', end: '01:00' }, 'Fri 22:00–01:00', 'fri 22:00-01:00'],
  [{ days: ['wed'], start: '18:00', end: '24:00' }, 'Wed 18:00–24:00', 'wed 18:00-24:00'],
  [{ date: '2026-03-08', start: '09:00', end: '11:00' }, 'Sun 8 Mar 09:00–11:00', '2026-03-08 09:00-11:00'],
  [{ now: true, forMinutes: 90 }, 'Now, for 90 minutes', 'now 90'],
  [{ now: true, forMinutes: 60 }, 'Now, for 1 hour', 'now 60'],
  [{ now: true, forMinutes: 120 }, 'Now, for 2 hours', 'now 120'],
];

describe('formatWindow', () => {
  it.each(entries)('%j → %j', (entry, words) => {
    expect(formatWindow(entry)).toBe(words);
  });
});

describe('windowAsText', () => {
  it.each(entries)('%j → %j', (entry, _words, text) => {
    expect(windowAsText(entry)).toBe(text);
  });

  it.each(entries)('%j reads back through the quick path', (entry) => {
    const now = DateTime.fromISO('2026-03-06T12:00:00Z').toMillis();
    const parsed = parseAvailabilityText(windowAsText(entry), { now, timeZone: 'Europe/London' });
    if (!parsed.ok) throw new Error(parsed.message);
    const { weekly, slots, now: free } = parsed.value;
    const expected = 'now' in entry ? { ...entry, since: now } : entry;
    expect([...weekly, ...slots, ...(free ? [free] : [])]).toEqual([expected]);
  });
});

describe('formatAvailability', () => {
  it('lists "now" first, then dated slots in order, then the weekly pattern', () => {
    expect(
      formatAvailability({
        weekly: [{ days: ['sat', 'sun'], start: '09:00', end: '12:00' }],
        slots: [
          { date: '2026-03-10', start: '18:00', end: '20:00' },
          { date: '2026-03-09', start: '07:30', end: '09:00' },
        ],
        now: { now: true, forMinutes: 45 },
      }),
    ).toEqual([
      'Now, for 45 minutes',
      'Mon 9 Mar 07:30–09:00',
      'Tue 10 Mar 18:00–20:00',
      'Weekends 09:00–12:00',
    ]);
  });
});
