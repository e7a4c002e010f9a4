import { describe, expect, it } from 'vitest';
import {
  type DailySettingsFields,
  FOLLOW_ORGANIZER_TIMEZONE,
  readDailySettingsForm,
} from '../../../src/domain/daily-question/settings-form.ts';

const valid: DailySettingsFields = {
  channel: 'C0DAILY',
  time: '09:00',
  timezone: 'America/New_York',
  weekdays: ['fri', 'mon', 'wed'],
  interviewTypes: ['behavioural', 'execution'],
  enabled: 'on',
};

describe('readDailySettingsForm', () => {
  it('reads a valid form, with days in week order and types in the menu’s order', () => {
    expect(readDailySettingsForm(valid, null)).toEqual({
      ok: true,
      value: {
        channelId: 'C0DAILY',
        localTime: '09:00',
        timezone: 'America/New_York',
        weekdays: ['mon', 'wed', 'fri'],
        interviewTypes: ['execution', 'behavioural'],
        enabled: true,
      },
    });
  });

  it('reads "Use my Slack profile" as the organizer’s zone, in its current spelling', () => {
    const form = readDailySettingsForm({ ...valid, timezone: FOLLOW_ORGANIZER_TIMEZONE }, 'Asia/Calcutta');
    expect(form.ok && form.value.timezone).toBe('Asia/Kolkata');
  });

  it('turns the question off', () => {
    const form = readDailySettingsForm({ ...valid, enabled: 'off' }, null);
    expect(form.ok && form.value.enabled).toBe(false);
  });

  it.each<[string, Partial<DailySettingsFields>, Record<string, RegExp>]>([
    ['no channel', { channel: undefined }, { channel: /Pick the channel/ }],
    ['a direct message', { channel: 'D0ABCDEF' }, { channel: /not a direct message/ }],
    ['no time', { time: undefined }, { time: /Pick the time/ }],
    ['an impossible time', { time: '25:00' }, { time: /HH:MM/ }],
    ['an unknown zone', { timezone: 'Mars/Olympus_Mons' }, { timezone: /not a timezone/ }],
    [
      'Slack’s zone when Slack has none',
      { timezone: FOLLOW_ORGANIZER_TIMEZONE },
      { timezone: /no timezone/ },
    ],
    ['no days', { weekdays: [] }, { weekdays: /at least one day/ }],
    ['a made-up day', { weekdays: ['funday'] }, { weekdays: /days of the week/ }],
    ['no types', { interviewTypes: [] }, { interviewTypes: /at least one interview type/ }],
    ['an unknown type', { interviewTypes: ['dance'] }, { interviewTypes: /from the list/ }],
    ['neither on nor off', { enabled: undefined }, { enabled: /on or off/ }],
  ])('reports %s next to its field', (_what, change, errors) => {
    const form = readDailySettingsForm({ ...valid, ...change }, null);
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(Object.keys(form.errors)).toEqual(Object.keys(errors));
    for (const [field, pattern] of Object.entries(errors)) {
      expect(form.errors[field as keyof DailySettingsFields]).toMatch(pattern);
    }
  });

  it('reports every problem at once', () => {
    const form = readDailySettingsForm(
      { channel: undefined, time: '9', timezone: 'nowhere', weekdays: [], interviewTypes: [], enabled: 'on' },
      null,
    );
    expect(form.ok ? [] : Object.keys(form.errors).sort()).toEqual(
      ['channel', 'interviewTypes', 'time', 'timezone', 'weekdays'].sort(),
    );
  });
});
