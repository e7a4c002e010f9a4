import { describe, expect, it } from 'vitest';
import { isoWeekKey, type WeeklyMemberState, weeklyEntryDue } from '../../src/domain/weekly-opt-in.ts';

const request = {
  interviewTypes: ['execution'],
  level: 'SENIOR' as const,
  role: 'BOTH' as const,
  durationMinutes: 45 as const,
  availability: { weekly: [{ days: ['mon' as const], start: '18:00', end: '21:00' }], slots: [] },
};
const member: WeeklyMemberState = {
  weeklyRequest: request,
  enteredWeek: null,
  skippedWeek: null,
  paused: false,
  busy: false,
};

describe('the weekly entry', () => {
  it('counts weeks on the member’s own clock: Sunday night in Sydney is already next week', () => {
    const sundayEveningUtc = Date.UTC(2026, 11, 6, 20, 0);
    expect(isoWeekKey(sundayEveningUtc, 'Europe/London')).toBe('2026-W49');
    expect(isoWeekKey(sundayEveningUtc, 'Australia/Sydney')).toBe('2026-W50');
  });

  it.each<[string, Partial<WeeklyMemberState>, unknown]>([
    ['is owed once a week', {}, { enter: true, week: '2026-W50' }],
    ['not twice in a week', { enteredWeek: '2026-W50' }, { enter: false, reason: 'entered' }],
    ['not in a skipped week', { skippedWeek: '2026-W50' }, { enter: false, reason: 'skipped' }],
    ['not while paused or snoozed', { paused: true }, { enter: false, reason: 'paused' }],
    ['not with a request or a session already', { busy: true }, { enter: false, reason: 'busy' }],
    ['not without a standing request', { weeklyRequest: null }, { enter: false, reason: 'not-opted-in' }],
    [
      'again the week after a skip',
      { skippedWeek: '2026-W49', enteredWeek: '2026-W49' },
      { enter: true, week: '2026-W50' },
    ],
  ])('%s', (_case, state, expected) => {
    expect(weeklyEntryDue({ ...member, ...state }, '2026-W50')).toEqual(expected);
  });
});
