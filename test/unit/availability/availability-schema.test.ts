import { describe, expect, it } from 'vitest';
import {
  availabilityFromEntries,
  validateAvailability,
} from '../../../src/domain/availability/availability-schema.ts';

const evenings = { days: ['mon'], start: '18:00', end: '21:00' };
const window = (overrides: Record<string, unknown>) => ({ weekly: [{ ...evenings, ...overrides }] });
const slot = (overrides: Record<string, unknown>) => ({
  slots: [{ date: '2026-03-10', start: '18:00', end: '21:00', ...overrides }],
});
const now = (forMinutes: number) => ({ now: { now: true, forMinutes } });

describe('validateAvailability accepts', () => {
  it('a weekly window, filling in the lists left out', () => {
    expect(validateAvailability(window({}))).toEqual({ ok: true, value: { weekly: [evenings], slots: [] } });
  });

  it('"now" alone', () => {
    expect(validateAvailability(now(30))).toEqual({
      ok: true,
      value: { weekly: [], slots: [], now: { now: true, forMinutes: 30 } },
    });
  });

  it.each([
    ['a window to midnight', window({ end: '24:00' })],
    ['a window across midnight', window({ start: '22:00', end: '01:00' })],
    ['a whole day', window({ start: '00:00', end: '24:00' })],
    ['a 30-minute window across midnight', window({ start: '23:45', end: '00:15' })],
    ['a leap day', slot({ date: '2028-02-29' })],
    ['"now" with the moment it was said', { now: { now: true, since: 1_772_000_000_000, forMinutes: 240 } }],
  ])('%s', (_name, input) => {
    expect(validateAvailability(input)).toMatchObject({ ok: true });
  });
});

describe('validateAvailability explains', () => {
  it.each([
    [window({ days: ['fun'] }), "“fun” isn't a day of the week; use mon, tue, wed, thu, fri, sat or sun."],
    [window({ days: [] }), 'Pick at least one day.'],
    [window({ days: ['mon', 'mon'] }), 'Each day can appear only once.'],
    [window({ start: '6pm' }), 'The start must be a 24-hour time like 18:30 (HH:MM).'],
    [window({ start: '7:00' }), 'The start must be a 24-hour time like 18:30 (HH:MM).'],
    [window({ start: '24:00' }), 'The start must be a 24-hour time like 18:30 (HH:MM).'],
    [window({ end: '24:01' }), 'The end must be a 24-hour time like 21:00 (HH:MM), or 24:00 for midnight.'],
    [window({ end: '21:60' }), 'The end must be a 24-hour time like 21:00 (HH:MM), or 24:00 for midnight.'],
    [window({ start: 1800 }), 'Give a start time like 18:30.'],
    [window({ end: undefined }), 'Give an end time like 21:00.'],
    [window({ end: '18:00' }), 'The window starts and ends at the same time.'],
    [window({ end: '18:10' }), 'The window is only 10 minutes; the shortest session is 30 minutes.'],
    [
      window({ start: '23:50', end: '00:10' }),
      'The window is only 20 minutes; the shortest session is 30 minutes.',
    ],
    [slot({ date: '2026-02-29' }), "“2026-02-29” isn't a calendar date; write it as YYYY-MM-DD."],
    [slot({ date: '10/03/2026' }), "“10/03/2026” isn't a calendar date; write it as YYYY-MM-DD."],
    [slot({ date: undefined }), 'Give a date like 2026-05-01.'],
    [slot({ start: '09:00', end: '09:00' }), 'The window starts and ends at the same time.'],
    [now(10), '“Now” must last at least 30 minutes.'],
    [now(241), '“Now” can last at most 240 minutes.'],
    [now(45.5), '“Now” needs a whole number of minutes.'],
    [{ now: { now: true, forMinutes: '90' } }, '“Now” needs a number of minutes.'],
    [{}, "Pick at least one time you're free, or “now”."],
    [{ weekly: [], slots: [] }, "Pick at least one time you're free, or “now”."],
    [
      { weekly: Array.from({ length: 11 }, () => evenings) },
      "That's more than 10 weekly windows; combine days that share a time, e.g. weekdays 18:00–21:00.",
    ],
    [
      { slots: Array.from({ length: 21 }, () => slot({}).slots[0]) },
      "That's more than 20 specific times; keep to the next few days.",
    ],
  ])('%j', (input, message) => {
    expect(validateAvailability(input)).toEqual({ ok: false, message });
  });
});

describe('availabilityFromEntries', () => {
  it('sorts picked entries into their lists, keeping the last "now"', () => {
    expect(
      availabilityFromEntries([
        { now: true, forMinutes: 30 },
        { days: ['sat'], start: '09:00', end: '12:00' },
        { date: '2026-03-10', start: '18:00', end: '22:00' },
        { now: true, forMinutes: 90 },
      ]),
    ).toEqual({
      weekly: [{ days: ['sat'], start: '09:00', end: '12:00' }],
      slots: [{ date: '2026-03-10', start: '18:00', end: '22:00' }],
      now: { now: true, forMinutes: 90 },
    });
  });
});
