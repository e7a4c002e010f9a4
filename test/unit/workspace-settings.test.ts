import { describe, expect, it } from 'vitest';
import type { SessionTiming } from '../../src/config.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../src/domain/matching/config.ts';
import { completeQuickRequest } from '../../src/domain/quick-request.ts';
import { requestPrefill } from '../../src/domain/request-prefill.ts';
import {
  defaultDurationFor,
  isSweepDue,
  matchingConfigFor,
  NO_WORKSPACE_SETTINGS,
  readWorkspaceSettingsForm,
  type SettingsDefaults,
  sessionTimingFor,
  settingsDefaults,
  sweepIntervalMsFor,
  sweepTickMs,
  type WorkspaceSettings,
  type WorkspaceSettingsFields,
} from '../../src/domain/workspace-settings.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const timing: SessionTiming = {
  nowLeadMs: 5 * MINUTE,
  remindersMs: [24 * HOUR, 15 * MINUTE],
  confirmNudgeMs: 8 * HOUR,
  releaseMs: 24 * HOUR,
  checkInAfterEndMs: 0,
  feedbackNudgeMs: 24 * HOUR,
  lateCancelMs: 2 * HOUR,
};

const defaults: SettingsDefaults = settingsDefaults(timing, 15 * MINUTE);

const blank: WorkspaceSettingsFields = {
  organizers: [],
  maxLevelDistance: undefined,
  cooldownDays: undefined,
  sweepIntervalMinutes: undefined,
  horizonDays: undefined,
  defaultDurationMinutes: undefined,
  reminderOffsetsMinutes: [],
  confirmNudgeHours: undefined,
  releaseHours: undefined,
  welcomeNewMembers: undefined,
};

const full: WorkspaceSettingsFields = {
  organizers: ['U0CAL', 'U0DEE', 'U0CAL'],
  maxLevelDistance: '0',
  cooldownDays: '30',
  sweepIntervalMinutes: '60',
  horizonDays: '14',
  defaultDurationMinutes: '60',
  reminderOffsetsMinutes: ['60', '1440', '180', '60'],
  confirmNudgeHours: '4',
  releaseHours: '12',
  welcomeNewMembers: 'off',
};

const chosen: WorkspaceSettings = {
  organizerSlackIds: ['U0CAL', 'U0DEE'],
  maxLevelDistance: 0,
  cooldownDays: 30,
  sweepIntervalMinutes: 60,
  horizonDays: 14,
  defaultDurationMinutes: 60,
  reminderOffsetsMinutes: [1440, 180, 60],
  confirmNudgeHours: 4,
  releaseHours: 12,
  welcomeNewMembers: false,
};

describe('settingsDefaults', () => {
  it('states the app’s defaults in the form’s units', () => {
    expect(defaults).toEqual({
      maxLevelDistance: 1,
      cooldownDays: 14,
      sweepIntervalMinutes: 15,
      horizonDays: 7,
      defaultDurationMinutes: 45,
      reminderOffsetsMinutes: [1440, 15],
      confirmNudgeHours: 8,
      releaseHours: 24,
    });
  });
});

describe('readWorkspaceSettingsForm', () => {
  it('reads an empty form as "keep every default"', () => {
    expect(readWorkspaceSettingsForm(blank, defaults)).toEqual({ ok: true, value: NO_WORKSPACE_SETTINGS });
  });

  it('reads a full form: organizers once each, reminders once each and largest first', () => {
    expect(readWorkspaceSettingsForm(full, defaults)).toEqual({ ok: true, value: chosen });
  });

  it('reads blank and whitespace-only number boxes as not set', () => {
    const form = readWorkspaceSettingsForm({ ...blank, cooldownDays: '  ', horizonDays: '' }, defaults);
    expect(form).toEqual({ ok: true, value: NO_WORKSPACE_SETTINGS });
  });

  it.each<[string, Partial<WorkspaceSettingsFields>, Record<string, RegExp>]>([
    ['a level distance of 4', { maxLevelDistance: '4' }, { maxLevelDistance: /0 .* to 3/ }],
    ['a negative level distance', { maxLevelDistance: '-1' }, { maxLevelDistance: /0 .* to 3/ }],
    ['a cooldown of 91 days', { cooldownDays: '91' }, { cooldownDays: /0 \(no cooldown\) to 90/ }],
    ['a fractional cooldown', { cooldownDays: '2.5' }, { cooldownDays: /whole number/ }],
    ['a sweep every 4 minutes', { sweepIntervalMinutes: '4' }, { sweepIntervalMinutes: /5 to 1440/ }],
    ['a sweep every 2 days', { sweepIntervalMinutes: '2880' }, { sweepIntervalMinutes: /5 to 1440/ }],
    ['no horizon at all', { horizonDays: '0' }, { horizonDays: /1 to 30/ }],
    ['a horizon of 31 days', { horizonDays: '31' }, { horizonDays: /1 to 30/ }],
    ['words for a number', { horizonDays: 'ten' }, { horizonDays: /whole number/ }],
    ['a 50-minute session', { defaultDurationMinutes: '50' }, { defaultDurationMinutes: /30, 45 or 60/ }],
    [
      'five reminders',
      { reminderOffsetsMinutes: ['5', '15', '60', '180', '1440'] },
      { reminderOffsetsMinutes: /at most 4/ },
    ],
    [
      'a reminder 1 minute before',
      { reminderOffsetsMinutes: ['1'] },
      { reminderOffsetsMinutes: /5 minutes/ },
    ],
    ['a reminder 8 days before', { reminderOffsetsMinutes: ['11520'] }, { reminderOffsetsMinutes: /7 days/ }],
    ['a made-up reminder', { reminderOffsetsMinutes: ['soon'] }, { reminderOffsetsMinutes: /from the list/ }],
    ['a nudge after 0 hours', { confirmNudgeHours: '0' }, { confirmNudgeHours: /1 to 72/ }],
    ['a release after 200 hours', { releaseHours: '200' }, { releaseHours: /1 to 168/ }],
    [
      'a welcome that is neither on nor off',
      { welcomeNewMembers: 'maybe' },
      { welcomeNewMembers: /welcomed/ },
    ],
    ['something that is not a member', { organizers: ['C0CHANNEL'] }, { organizers: /member list/ }],
    [
      'twenty-one organizers',
      { organizers: Array.from({ length: 21 }, (_, i) => `U0ORG${String(i).padStart(2, '0')}`) },
      { organizers: /at most 20/ },
    ],
    [
      'a nudge no sooner than the release',
      { confirmNudgeHours: '12', releaseHours: '12' },
      { confirmNudgeHours: /before the release \(after 12 hours\)/ },
    ],
    [
      'a nudge after the default release',
      { confirmNudgeHours: '30' },
      { confirmNudgeHours: /before the release \(after 24 hours\)/ },
    ],
    [
      'a release before the default nudge',
      { releaseHours: '6' },
      { releaseHours: /after the nudge \(after 8 hours\)/ },
    ],
  ])('reports %s next to its field', (_what, change, errors) => {
    const form = readWorkspaceSettingsForm({ ...blank, ...change }, defaults);
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(Object.keys(form.errors)).toEqual(Object.keys(errors));
    for (const [field, pattern] of Object.entries(errors)) {
      expect(form.errors[field as keyof WorkspaceSettingsFields]).toMatch(pattern);
    }
  });

  it('reports every problem in one round, the nudge too', () => {
    const form = readWorkspaceSettingsForm(
      { ...full, maxLevelDistance: '9', horizonDays: '99', confirmNudgeHours: '40', releaseHours: '20' },
      defaults,
    );
    expect(form.ok).toBe(false);
    if (!form.ok) {
      expect(Object.keys(form.errors).sort()).toEqual([
        'confirmNudgeHours',
        'horizonDays',
        'maxLevelDistance',
      ]);
    }
  });
});

describe('matchingConfigFor', () => {
  it('is the default configuration when nothing is set', () => {
    expect(matchingConfigFor(NO_WORKSPACE_SETTINGS)).toEqual(DEFAULT_MATCHING_CONFIG);
  });

  it('takes the workspace’s limits and keeps every other knob', () => {
    const config = matchingConfigFor(chosen);
    expect(config).toEqual({
      ...DEFAULT_MATCHING_CONFIG,
      maxLevelDistance: 0,
      cooldownDays: 30,
      horizonDays: 14,
    });
    expect(config.weights).toBe(DEFAULT_MATCHING_CONFIG.weights);
  });

  it('keeps a level distance of 0 (not mistaken for "not set")', () => {
    const config = matchingConfigFor({ ...NO_WORKSPACE_SETTINGS, maxLevelDistance: 0, cooldownDays: 0 });
    expect([config.maxLevelDistance, config.cooldownDays]).toEqual([0, 0]);
  });
});

describe('sessionTimingFor', () => {
  it('is the configured timing when nothing is set', () => {
    expect(sessionTimingFor(timing, NO_WORKSPACE_SETTINGS)).toEqual(timing);
  });

  it('takes the workspace’s reminders (largest first), nudge and release; the rest stays', () => {
    const merged = sessionTimingFor(timing, { ...chosen, reminderOffsetsMinutes: [60, 1440] });
    expect(merged).toEqual({
      ...timing,
      remindersMs: [24 * HOUR, HOUR],
      confirmNudgeMs: 4 * HOUR,
      releaseMs: 12 * HOUR,
    });
  });
});

describe('defaults for a new request', () => {
  const nowContext = { now: Date.parse('2026-11-23T09:00:00Z'), timeZone: 'Europe/London', horizonDays: 7 };
  const quick = {
    interviewTypes: ['execution'],
    level: undefined,
    role: undefined,
    durationMinutes: undefined,
    availability: undefined,
  };

  it('starts at the workspace’s length, 45 minutes when it has none', () => {
    expect(defaultDurationFor(NO_WORKSPACE_SETTINGS)).toBe(45);
    expect(defaultDurationFor(chosen)).toBe(60);
    expect(requestPrefill(null, null, {}, 60).durationMinutes).toBe(60);
    expect(requestPrefill(null, null).durationMinutes).toBe(45);
    expect(completeQuickRequest(quick, null, null, nowContext, 30).durationMinutes).toBe(30);
  });

  it('lets the member’s last request win over the workspace’s default', () => {
    const last = {
      interviewTypes: ['execution'],
      level: 'PM' as const,
      role: 'BOTH' as const,
      durationMinutes: 45 as const,
      availability: { weekly: [], slots: [] },
      note: null,
    };
    expect(requestPrefill(last, null, {}, 60).durationMinutes).toBe(45);
    expect(completeQuickRequest(quick, last, null, nowContext, 60).durationMinutes).toBe(45);
  });
});

describe('the sweep', () => {
  it('ticks often enough for a 5-minute interval, never less often than the default', () => {
    expect(sweepTickMs(15 * MINUTE)).toBe(5 * MINUTE);
    expect(sweepTickMs(5_000)).toBe(5_000);
    expect(sweepIntervalMsFor(NO_WORKSPACE_SETTINGS, 15 * MINUTE)).toBe(15 * MINUTE);
    expect(sweepIntervalMsFor(chosen, 15 * MINUTE)).toBe(HOUR);
  });

  const tick = 5 * MINUTE;
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each<[string, number | null, number, boolean]>([
    ['never swept', null, 15 * MINUTE, true],
    ['swept one tick ago, every 15 min', now - tick, 15 * MINUTE, false],
    ['swept two ticks ago, every 15 min', now - 2 * tick, 15 * MINUTE, false],
    ['swept three ticks (a little less) ago, every 15 min', now - 3 * tick + 2_000, 15 * MINUTE, true],
    ['swept 59 minutes ago, every hour', now - 59 * MINUTE, HOUR, true],
    ['swept 50 minutes ago, every hour', now - 50 * MINUTE, HOUR, false],
    ['an interval of one tick, swept just now', now - 1_000, tick, true],
    ['a last sweep on a clock set back', now + HOUR, HOUR, true],
  ])('%s', (_what, lastSweepAt, intervalMs, due) => {
    expect(isSweepDue({ lastSweepAt, intervalMs, tickMs: tick, now })).toBe(due);
  });
});
