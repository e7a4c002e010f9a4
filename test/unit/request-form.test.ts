import { describe, expect, it } from 'vitest';
import {
  combineAvailability,
  type RequestFormFields,
  readRequestForm,
} from '../../src/domain/request-form.ts';

// Monday 2026-11-23 10:00 in London.
const context = { now: Date.UTC(2026, 10, 23, 10, 0), timeZone: 'Europe/London', horizonDays: 7 };

const filled: RequestFormFields = {
  interviewTypes: ['execution'],
  level: 'SENIOR',
  role: 'BOTH',
  duration: '45',
  offeredWindows: ['weekdays 18:00-21:00'],
  otherTimes: '',
  note: '',
};

describe('readRequestForm', () => {
  it('reads a complete form into a request', () => {
    const outcome = readRequestForm(filled, context);
    expect(outcome).toEqual({
      ok: true,
      value: {
        interviewTypes: ['execution'],
        level: 'SENIOR',
        role: 'BOTH',
        durationMinutes: 45,
        availability: {
          weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '21:00' }],
          slots: [],
        },
        note: null,
      },
    });
  });

  it.each<[string, Partial<RequestFormFields>, string, string]>([
    ['no type', { interviewTypes: [] }, 'interviewTypes', 'Pick at least one interview type.'],
    [
      'four types',
      { interviewTypes: ['execution', 'strategy', 'technical', 'behavioural'] },
      'interviewTypes',
      'at most three',
    ],
    ['an unknown type', { interviewTypes: ['cooking'] }, 'interviewTypes', 'no longer exists'],
    ['no level', { level: undefined }, 'level', 'level you are preparing for'],
    ['a forged level', { level: 'CEO' }, 'level', 'level you are preparing for'],
    ['no role', { role: undefined }, 'role', 'interview, be interviewed or swap'],
    ['a forged duration', { duration: '90' }, 'duration', '30, 45 or 60'],
    ['a long note', { note: 'x'.repeat(501) }, 'note', 'under 500'],
    ['no time at all', { offeredWindows: [] }, 'offeredWindows', 'Pick at least one time'],
    ['unreadable typed times', { otherTimes: 'whenever suits' }, 'otherTimes', ''],
    ['a date past the horizon', { offeredWindows: [], otherTimes: '2027-03-01 18-20' }, 'otherTimes', ''],
  ])('%s is reported on its field', (_name, change, field, message) => {
    const outcome = readRequestForm({ ...filled, ...change }, context);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.errors)).toEqual([field]);
    expect(outcome.errors[field as keyof RequestFormFields]).toContain(message);
  });

  it('reports every wrong field in one round', () => {
    const outcome = readRequestForm(
      { ...filled, interviewTypes: [], level: undefined, otherTimes: 'soon-ish' },
      context,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(Object.keys(outcome.errors).sort()).toEqual(['interviewTypes', 'level', 'otherTimes']);
  });

  it('joins presets and typed times, keeps a duplicate once and trims the note', () => {
    const outcome = readRequestForm(
      {
        ...filled,
        offeredWindows: ['weekdays 18:00-21:00', 'now 90'],
        otherTimes: 'weekdays 18-21; tue 07:00-08:30',
        note: '  Mock for a Staff loop  ',
      },
      context,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.availability.weekly).toHaveLength(2);
    expect(outcome.value.availability.now).toMatchObject({ forMinutes: 90, since: context.now });
    expect(outcome.value.note).toBe('Mock for a Staff loop');
  });

  it('names types by alias as well as slug, once each', () => {
    const outcome = readRequestForm({ ...filled, interviewTypes: ['exec', 'execution'] }, context);
    expect(outcome.ok && outcome.value.interviewTypes).toEqual(['execution']);
  });
});

describe('combineAvailability', () => {
  it('keeps the longest "now"', () => {
    const combined = combineAvailability([
      { weekly: [], slots: [], now: { now: true, forMinutes: 60 } },
      { weekly: [], slots: [], now: { now: true, forMinutes: 120 } },
    ]);
    expect(combined.now?.forMinutes).toBe(120);
  });
});
