import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../src/domain/availability/availability-schema.ts';
import { parseAvailabilityText } from '../../../src/domain/availability/parse-availability-text.ts';

// Saturday 2026-03-07, 12:00 in London.
const NOW = DateTime.fromISO('2026-03-07T12:00:00Z').toMillis();
const context = { now: NOW, timeZone: 'Europe/London' };
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const weekly = (...windows: Array<[string[], string, string]>): Availability => ({
  weekly: windows.map(([days, start, end]) => ({ days, start, end }) as Availability['weekly'][number]),
  slots: [],
});
const slot = (date: string, start: string, end: string): Availability => ({
  weekly: [],
  slots: [{ date, start, end }],
});
const now = (forMinutes: number): Availability => ({
  weekly: [],
  slots: [],
  now: { now: true, since: NOW, forMinutes },
});

describe('parseAvailabilityText reads', () => {
  it.each<[string, Availability]>([
    ['weekdays 18:00-21:00', weekly([WEEKDAYS, '18:00', '21:00'])],
    ['weekends 10-14', weekly([['sat', 'sun'], '10:00', '14:00'])],
    ['mon,wed 19:00-21:30', weekly([['mon', 'wed'], '19:00', '21:30'])],
    ['tomorrow 9-11', slot('2026-03-08', '09:00', '11:00')],
    ['now', now(90)],
    ['now 90', now(90)],
    ['NOW 60min', now(60)],
    ['now 2h', now(120)],
    ['now for 45 minutes', now(45)],
    ['  Weekdays   18:00–21:00  ', weekly([WEEKDAYS, '18:00', '21:00'])],
    ['Mon - Fri 6pm to 9pm', weekly([WEEKDAYS, '18:00', '21:00'])],
    ['mondays and wednesdays 19-21', weekly([['mon', 'wed'], '19:00', '21:00'])],
    ['mon, wed 19-21', weekly([['mon', 'wed'], '19:00', '21:00'])],
    ['sat/sun 10-12', weekly([['sat', 'sun'], '10:00', '12:00'])],
    ['fri-mon 20-22', weekly([['mon', 'fri', 'sat', 'sun'], '20:00', '22:00'])],
    ['every day 7-8am', weekly([EVERY_DAY, '07:00', '08:00'])],
    ['daily 06:30-07:15', weekly([EVERY_DAY, '06:30', '07:15'])],
    ['fri 22-1', weekly([['fri'], '22:00', '01:00'])],
    ['sat 9-5', weekly([['sat'], '09:00', '17:00'])],
    ['sat 09:00-05:00', weekly([['sat'], '09:00', '05:00'])],
    ['sun 11-1pm', weekly([['sun'], '11:00', '13:00'])],
    ['sun 9 am - 11 am', weekly([['sun'], '09:00', '11:00'])],
    ['tue 12pm-2pm', weekly([['tue'], '12:00', '14:00'])],
    ['tue 10pm-12am', weekly([['tue'], '22:00', '00:00'])],
    ['thu 18.30-21h', weekly([['thu'], '18:30', '21:00'])],
    ['thu 1830-2100', weekly([['thu'], '18:30', '21:00'])],
    ['wed 18 to 24', weekly([['wed'], '18:00', '24:00'])],
    ['mon 18-21 wed 18-21', weekly([['mon', 'wed'], '18:00', '21:00'])],
    ['weekdays 12-13 18-21', weekly([WEEKDAYS, '12:00', '13:00'], [WEEKDAYS, '18:00', '21:00'])],
    ['today 18-20', slot('2026-03-07', '18:00', '20:00')],
    ['tonight 20-23:30', slot('2026-03-07', '20:00', '23:30')],
    ['2026-03-10 18-24', slot('2026-03-10', '18:00', '24:00')],
    ['today 11-13', slot('2026-03-07', '11:00', '13:00')],
    [
      'now 60; weekends 10-14 and tomorrow 18-20',
      {
        weekly: [{ days: ['sat', 'sun'], start: '10:00', end: '14:00' }],
        slots: [{ date: '2026-03-08', start: '18:00', end: '20:00' }],
        now: { now: true, since: NOW, forMinutes: 60 },
      },
    ],
    [
      'today tomorrow 19-21',
      {
        weekly: [],
        slots: [
          { date: '2026-03-07', start: '19:00', end: '21:00' },
          { date: '2026-03-08', start: '19:00', end: '21:00' },
        ],
      },
    ],
  ])('%j', (text, expected) => {
    expect(parseAvailabilityText(text, context)).toEqual({ ok: true, value: expected });
  });

  it.each([
    // 23:30 on Saturday in London is already Sunday in Kathmandu (05:15 +05:45).
    ['Europe/London', '2026-03-08'],
    ['Asia/Kathmandu', '2026-03-09'],
    ['America/New_York', '2026-03-08'],
  ])('"tomorrow" on the calendar of %s', (timeZone, date) => {
    const late = DateTime.fromISO('2026-03-07T23:30:00Z').toMillis();
    expect(parseAvailabilityText('tomorrow 9-11', { now: late, timeZone })).toEqual({
      ok: true,
      value: slot(date, '09:00', '11:00'),
    });
  });

  it('accepts a date further ahead when the horizon allows it', () => {
    expect(parseAvailabilityText('2026-03-20 18-20', { ...context, horizonDays: 14 })).toEqual({
      ok: true,
      value: slot('2026-03-20', '18:00', '20:00'),
    });
  });
});

describe('parseAvailabilityText explains what it cannot read', () => {
  const examples = '`weekdays 18:00-21:00`, `sat,sun 10-14`, `tomorrow 9-11` or `now 90`';
  const unknownDay = (word: string) =>
    `I don't know the day “${word}”. Use mon…sun, \`weekdays\`, \`weekends\`, \`daily\`, \`today\`, \`tomorrow\` or a date like \`2026-05-01\`.`;
  const badTime = (word: string) =>
    `“${word}” isn't a time of day. Use 24-hour times like \`18:30\`, or \`6:30pm\`.`;
  const badRange = (word: string) =>
    `“${word}” isn't a time range. Give a start and an end, e.g. \`18:00-21:00\` or \`6pm-9pm\`.`;
  const nowMinutes = (word: string) =>
    `\`now\` takes the minutes you're free for, from 30 to 240 (“${word}” won't do), e.g. \`now 90\`.`;

  it.each([
    ['', `Tell me when you're free, e.g. ${examples}.`],
    ['   ', `Tell me when you're free, e.g. ${examples}.`],
    ['and', `Tell me when you're free, e.g. ${examples}.`],
    [`weekdays ${'9-10 '.repeat(60)}`, `That's more than 300 characters. Keep it short, e.g. ${examples}.`],
    ['fridy 18-21', unknownDay('fridy')],
    ['mon,fridy 18-21', unknownDay('fridy')],
    ['mon-fry 9-10', unknownDay('mon-fry')],
    ['weekdays 18-21 please', unknownDay('please')],
    [
      '2026-02-30 9-11',
      "“2026-02-30” isn't a date on the calendar. Write dates as YYYY-MM-DD, e.g. `2026-05-01`.",
    ],
    [
      '2026-3-1 9-11',
      "“2026-3-1” isn't a date on the calendar. Write dates as YYYY-MM-DD, e.g. `2026-05-01`.",
    ],
    ['mon', 'Add the hours for “mon”, e.g. `mon 18:00-21:00`.'],
    ['mon wed', 'Add the hours for “mon wed”, e.g. `mon wed 18:00-21:00`.'],
    ['weekdays now', 'Add the hours for “weekdays”, e.g. `weekdays 18:00-21:00`.'],
    ['18-21', 'Which days is “18-21” for? Put the days first, e.g. `weekdays 18-21` or `tomorrow 18-21`.'],
    ['mon 18', badRange('18')],
    ['mon 18-', badRange('18-')],
    ['mon 9-10-11', badRange('9-10-11')],
    ['mon 25-26', badTime('25')],
    ['mon 18:75-20', badTime('18:75')],
    ['mon 13pm-14pm', badTime('13pm')],
    ['mon 18-24:30', badTime('24:30')],
    ['mon 24-2', '“24-2” starts at 24:00, which only ends a day. Start at 00:00 instead.'],
    ['mon 18-18', '“18-18” starts and ends at the same time. Give a start and a later end.'],
    ['mon 18:00-18:20', '“18:00-18:20” is only 20 minutes; the shortest session is 30 minutes.'],
    ['mon 23:50-00:10', '“23:50-00:10” is only 20 minutes; the shortest session is 30 minutes.'],
    ['now 10', nowMinutes('10')],
    ['now 300', nowMinutes('300')],
    ['now 5h', nowMinutes('5h')],
    ['now 90x', nowMinutes('90x')],
    ['now now', 'Say `now` only once, e.g. `now 90`.'],
    ['now 30 weekdays 9-10 now', 'Say `now` only once, e.g. `now 90`.'],
    ['today 9-11', '“today 9-11” is already over in your timezone. Pick a later time or day.'],
    ['2026-03-01 18-20', '“2026-03-01 18-20” is already over in your timezone. Pick a later time or day.'],
    [
      '2026-03-20 18-20',
      '“2026-03-20 18-20” is more than 7 days away, and requests only look 7 days ahead. Pick a sooner day.',
    ],
    [
      `mon ${Array.from({ length: 11 }, (_, hour) => `${hour}-${hour + 1}`).join(' ')}`,
      "That's more than 10 weekly windows; combine days that share a time, e.g. weekdays 18:00–21:00.",
    ],
    [
      `tomorrow ${Array.from({ length: 21 }, (_, hour) => `${hour}-${hour + 1}`).join(' ')}`,
      "That's more than 20 specific times; keep to the next few days.",
    ],
  ])('%j', (text, message) => {
    expect(parseAvailabilityText(text, context)).toEqual({ ok: false, message });
  });

  it('treats "today" as over once the hours have passed on the member\'s own clock', () => {
    // 12:00 UTC is 07:00 in New York, so 9–11 there is still ahead.
    expect(parseAvailabilityText('today 9-11', { now: NOW, timeZone: 'America/New_York' }).ok).toBe(true);
  });
});
