import { describe, expect, it } from 'vitest';
import { parseQuickRequest } from '../../src/domain/quick-request.ts';

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
