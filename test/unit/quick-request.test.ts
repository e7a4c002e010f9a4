import { describe, expect, it } from 'vitest';
import { completeQuickRequest, parseQuickRequest } from '../../src/domain/quick-request.ts';

const context = { now: Date.parse('2026-11-23T09:00:00Z'), timeZone: 'Europe/London', horizonDays: 7 };

describe('parseQuickRequest', () => {
  it.each([
    [
      'execution',
      { interviewTypes: ['execution'], level: undefined, role: undefined, durationMinutes: undefined },
    ],
    [
      'exec,strategy staff swap 60min',
      { interviewTypes: ['execution', 'strategy'], level: 'STAFF', role: 'BOTH', durationMinutes: 60 },
    ],
    [
      'behavioral interviewee director',
      { interviewTypes: ['behavioural'], level: 'DIRECTOR', role: 'INTERVIEWEE' },
    ],
    [
      'Product-Sense PM interviewer 30m',
      { interviewTypes: ['product-sense'], level: 'PM', role: 'INTERVIEWER', durationMinutes: 30 },
    ],
  ])('%j', (text, expected) => {
    const parsed = parseQuickRequest(text, context);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toMatchObject(expected);
  });

  it('reads the words after type, level and role as availability in the member zone', () => {
    const parsed = parseQuickRequest('technical senior weekdays 18-21', context);
    expect(parsed.ok && parsed.value.availability).toEqual({
      weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '21:00' }],
      slots: [],
    });
  });

  it('leaves availability undefined when no time is named, so the caller can fall back', () => {
    const parsed = parseQuickRequest('strategy', context);
    expect(parsed.ok && parsed.value.availability).toBeUndefined();
  });

  it.each([
    ['dance', /`dance` is not an interview type/],
    ['execution,juggling', /`juggling` is not an interview type/],
    ['execution someday maybe', /Usage:/],
  ])('refuses %j with a specific message', (text, message) => {
    const parsed = parseQuickRequest(text, context);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('completeQuickRequest', () => {
  const weekly = { weekly: [{ days: ['sat' as const], start: '10:00', end: '12:00' }], slots: [] };
  const quick = (text: string) => {
    const parsed = parseQuickRequest(text, context);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  };

  it('uses house defaults for a first request with no time named: PM, swap, 45 minutes, free now', () => {
    const completed = completeQuickRequest(quick('execution'), null, null, context);
    expect(completed).toMatchObject({ level: 'PM', role: 'BOTH', durationMinutes: 45 });
    expect(completed.availability.now).toMatchObject({ now: true, since: context.now });
  });

  it('takes what the member did not say from the last request, and the level from the profile before the default', () => {
    const last = {
      level: 'STAFF' as const,
      role: 'INTERVIEWER' as const,
      durationMinutes: 60 as const,
      availability: weekly,
    };
    expect(completeQuickRequest(quick('strategy interviewee'), last, 'DIRECTOR', context)).toEqual({
      interviewTypes: ['strategy'],
      level: 'STAFF',
      role: 'INTERVIEWEE',
      durationMinutes: 60,
      availability: weekly,
    });
    expect(completeQuickRequest(quick('strategy'), null, 'DIRECTOR', context).level).toBe('DIRECTOR');
  });

  it('never reuses a past "now": it has gone stale', () => {
    const stale = {
      weekly: [],
      slots: [],
      now: { now: true as const, since: context.now - 86_400_000, forMinutes: 90 },
    };
    const last = {
      level: 'PM' as const,
      role: 'BOTH' as const,
      durationMinutes: 45 as const,
      availability: stale,
    };
    expect(completeQuickRequest(quick('technical'), last, null, context).availability.now?.since).toBe(
      context.now,
    );
  });

  it('takes the profile’s usual times before the last request’s, and named times before both', () => {
    const usual = { weekly: [{ days: ['mon' as const], start: '18:00', end: '21:00' }], slots: [] };
    const last = {
      level: 'PM' as const,
      role: 'BOTH' as const,
      durationMinutes: 45 as const,
      availability: weekly,
    };
    expect(completeQuickRequest(quick('execution'), last, null, context, 45, usual).availability).toEqual(
      usual,
    );
    expect(completeQuickRequest(quick('execution'), null, null, context, 45, usual).availability).toEqual(
      usual,
    );
    const named = completeQuickRequest(quick('execution sun 9-11'), last, null, context, 45, usual);
    expect(named.availability.weekly[0]?.days).toEqual(['sun']);
  });
});
