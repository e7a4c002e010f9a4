import { describe, expect, it } from 'vitest';
import { offeredWindows } from '../../../../src/domain/availability/offered-windows.ts';
import type { DailySettings } from '../../../../src/domain/daily-question/settings-form.ts';
import { MAX_BLOCKED_USERS } from '../../../../src/domain/profile-form.ts';
import { TEXT_LIMITS } from '../../../../src/domain/question-bank/question-schema.ts';
import { MAX_NOTE_LENGTH } from '../../../../src/domain/request-form.ts';
import { BRIEF_LIMITS } from '../../../../src/domain/sessions/session-brief.ts';
import {
  NO_WORKSPACE_SETTINGS,
  SETTINGS_LIMITS,
  type SettingsDefaults,
} from '../../../../src/domain/workspace-settings.ts';
import {
  ADMIN_SETTINGS_MODAL,
  adminSettingsModal,
  adminSettingsSavedModal,
} from '../../../../src/slack/blocks/admin-settings-modal.ts';
import {
  DAILY_SETTINGS_MODAL,
  dailySettingsModal,
  dailySettingsSavedModal,
} from '../../../../src/slack/blocks/daily-settings-modal.ts';
import { PROFILE_MODAL, profileModal } from '../../../../src/slack/blocks/profile-modal.ts';
import { profileSavedModal } from '../../../../src/slack/blocks/profile-saved-modal.ts';
import { QUESTION_FORM_MODAL, questionFormModal } from '../../../../src/slack/blocks/question-admin-form.ts';
import {
  QUESTION_IMPORT_MODAL,
  questionImportModal,
} from '../../../../src/slack/blocks/question-admin-import.ts';
import { REQUEST_MODAL, requestModal } from '../../../../src/slack/blocks/request-modal.ts';
import { requestPlacedModal } from '../../../../src/slack/blocks/request-placed-modal.ts';
import { type RequestSummary, requestSummaryMessage } from '../../../../src/slack/blocks/request-summary.ts';
import {
  SESSION_BRIEF,
  sessionBriefMessage,
  sessionBriefModal,
} from '../../../../src/slack/blocks/session-brief.ts';
import type { MemberProfile } from '../../../../src/store/members.ts';
import type { WorkspaceQuestion } from '../../../../src/store/workspace-questions.ts';
import {
  actionIds,
  ampersands,
  blockIds,
  blocksOf,
  expectWithinLimits,
  HOSTILE,
  hostile,
  memberTokens,
  textOf,
} from './block-checks.ts';

const NOW = Date.UTC(2026, 11, 7, 12);
const LONGEST_ZONE = 'America/Argentina/ComodRivadavia';
const TYPES = ['product-sense', 'execution', 'strategy', 'technical', 'behavioural', 'reverse-interview'];

/** Each input block's element action id, by block id: what a submission listener reads. */
function inputIds(built: { blocks?: unknown }): Record<string, string> {
  return Object.fromEntries(
    blocksOf(built)
      .filter((block) => block.type === 'input')
      .map((block) => [block.block_id, (block.element as { action_id: string }).action_id]),
  );
}

describe('the organizer settings modal, at its extremes', () => {
  const defaults: SettingsDefaults = {
    maxLevelDistance: 1,
    cooldownDays: 14,
    sweepIntervalMinutes: 15,
    horizonDays: 7,
    defaultDurationMinutes: 45,
    reminderOffsetsMinutes: [1440, 15],
    confirmNudgeHours: 8,
    releaseHours: 24,
  };
  const fullest = {
    organizerSlackIds: Array.from({ length: SETTINGS_LIMITS.maxOrganizers }, (_, index) => `U0ORG${index}`),
    maxLevelDistance: SETTINGS_LIMITS.maxLevelDistance.max,
    cooldownDays: SETTINGS_LIMITS.cooldownDays.max,
    sweepIntervalMinutes: SETTINGS_LIMITS.sweepIntervalMinutes.max,
    horizonDays: SETTINGS_LIMITS.horizonDays.max,
    defaultDurationMinutes: 60 as const,
    // Offsets the menu does not list are still offered: four of them, the most a workspace can have.
    reminderOffsetsMinutes: [10079, 4321, 7, 6],
    confirmNudgeHours: SETTINGS_LIMITS.confirmNudgeHours.max,
    releaseHours: SETTINGS_LIMITS.releaseHours.max,
    welcomeNewMembers: false,
  };

  it('blank and full, opened and saved, stays within limits with every field’s block', () => {
    for (const settings of [NO_WORKSPACE_SETTINGS, fullest]) {
      const modal = adminSettingsModal({ settings, defaults });
      expectWithinLimits(modal);
      expect(blockIds(modal)).toEqual(expect.arrayContaining(Object.values(ADMIN_SETTINGS_MODAL.blocks)));
      expectWithinLimits(adminSettingsSavedModal(settings, defaults));
    }
  });
});

describe('the daily question settings', () => {
  const settings: DailySettings = {
    enabled: true,
    channelId: 'C0DAILY',
    localTime: '08:30',
    timezone: LONGEST_ZONE,
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    interviewTypes: TYPES,
  };

  it('first time and once set, it has every block its listener reads, within limits', () => {
    for (const input of [
      { settings: null, organizerTimezone: null, now: NOW },
      { settings: null, organizerTimezone: 'Asia/Kolkata', now: NOW },
      { settings, organizerTimezone: 'Asia/Kolkata', now: NOW },
      { settings: { ...settings, enabled: false, weekdays: [] }, organizerTimezone: null, now: NOW },
    ]) {
      const modal = dailySettingsModal(input);
      expectWithinLimits(modal);
      expect(modal.callback_id).toBe(DAILY_SETTINGS_MODAL.callbackId);
      const ids = inputIds(modal);
      expect(Object.keys(ids)).toEqual(Object.values(DAILY_SETTINGS_MODAL.blocks));
      expect(ids[DAILY_SETTINGS_MODAL.blocks.timezone]).toBe(DAILY_SETTINGS_MODAL.timezoneSearchActionId);
    }
    const first = dailySettingsModal({ settings: null, organizerTimezone: 'Asia/Kolkata', now: NOW });
    expect(textOf(first.blocks)).toContain('"value":"Asia/Kolkata"');
    expect(textOf(first.blocks)).toContain('"default_to_current_conversation":true');
  });

  it('after a save, says what is in force and when the next one goes out', () => {
    const on = dailySettingsSavedModal(settings, NOW + 86_400_000, false);
    expectWithinLimits(on);
    expect(textOf(on.blocks)).toContain('<#C0DAILY> at 08:30 America/Argentina/ComodRivadavia on Mon, Tue');
    expect(textOf(on.blocks)).toContain('The schedule could not be set just now');
    const off = dailySettingsSavedModal({ ...settings, enabled: false }, null, true);
    expectWithinLimits(off);
    expect(textOf(off.blocks)).toContain('the daily question is off');
  });
});

describe('/mock profile (the modal)', () => {
  const profile = (overrides: Partial<MemberProfile> = {}): MemberProfile => ({
    id: 'm1',
    workspaceId: 'ws',
    slackTeamId: 'T0',
    slackUserId: 'U0ANA',
    timezone: 'Europe/Berlin',
    timezoneFromSlack: 'Europe/Berlin',
    timezoneOverride: null,
    level: 'SENIOR',
    meetingLink: null,
    usualTimes: null,
    usualAvailability: null,
    profileSyncedAt: null,
    ...overrides,
  });
  const fullest = profile({
    timezone: LONGEST_ZONE,
    timezoneOverride: LONGEST_ZONE,
    timezoneFromSlack: 'America/Indiana/Petersburg',
    meetingLink: `https://meet.example.com/${hostile(276)}`,
    usualTimes: hostile(200),
  });
  const blocked = Array.from({ length: MAX_BLOCKED_USERS }, (_, index) => `U0BLOCK${index}`);

  it('has every block its listener reads, empty and full, within limits', () => {
    for (const [each, blockedUsers] of [
      [profile({ level: null, timezone: null, timezoneFromSlack: null }), []],
      [fullest, blocked],
    ] as const) {
      const modal = profileModal({ profile: each, blockedUsers: [...blockedUsers], now: NOW });
      expectWithinLimits(modal);
      const ids = inputIds(modal);
      expect(Object.keys(ids)).toEqual(Object.values(PROFILE_MODAL.blocks));
      expect(ids[PROFILE_MODAL.blocks.timezone]).toBe(PROFILE_MODAL.timezoneSearchActionId);
    }
    const followsSlack = profileModal({ profile: profile(), blockedUsers: [], now: NOW });
    expect(textOf(followsSlack.blocks)).toContain('Use my Slack profile (Europe/Berlin)');
  });

  it('after a save, shows what is stored and what the change does not touch', () => {
    const saved = profileSavedModal(fullest, MAX_BLOCKED_USERS, 'Europe/Berlin');
    expectWithinLimits(saved);
    expect(memberTokens(saved)).toEqual([]);
    const text = textOf(saved.blocks);
    expect(text).toContain(`You will not be matched with the ${MAX_BLOCKED_USERS} people you listed.`);
    expect(text).toContain('Your open request keeps the times you gave in Europe/Berlin');
    const plain = profileSavedModal(profile(), 1, 'Europe/Berlin');
    expectWithinLimits(plain);
    expect(textOf(plain.blocks)).toContain('the person you listed');
    expect(textOf(plain.blocks)).not.toContain('open request keeps');
  });
});

describe('“Find a practice partner”', () => {
  const availability = {
    weekly: Array.from({ length: 10 }, (_, index) => ({
      days: ['mon' as const, 'wed' as const],
      start: `${String(index * 2).padStart(2, '0')}:00`,
      end: `${String(index * 2 + 1).padStart(2, '0')}:30`,
    })),
    slots: Array.from({ length: 20 }, (_, index) => ({
      date: `2026-12-${String(index + 8).padStart(2, '0')}`,
      start: '18:00',
      end: '21:30',
    })),
  };

  it('has every block its listener reads, first time and prefilled at its fullest, within limits', () => {
    for (const [zone, now] of [
      ['UTC', NOW],
      [LONGEST_ZONE, Date.UTC(2026, 11, 7, 23, 30)],
    ] as const) {
      const offered = offeredWindows(zone, now);
      for (const prefill of [
        {
          interviewTypes: [],
          level: 'PM' as const,
          role: 'BOTH' as const,
          durationMinutes: 45,
          availability: null,
          note: null,
        },
        {
          interviewTypes: TYPES,
          level: 'DIRECTOR' as const,
          role: 'INTERVIEWER' as const,
          durationMinutes: 60,
          availability: {
            ...availability,
            weekly: [
              ...availability.weekly,
              ...offered.map((window) => window.entry).filter((entry) => 'days' in entry),
            ],
          } as never,
          note: hostile(MAX_NOTE_LENGTH),
        },
      ]) {
        const modal = requestModal({ timezone: zone, timezoneKnown: zone !== 'UTC', offered, prefill });
        expectWithinLimits(modal);
        expect(modal.callback_id).toBe(REQUEST_MODAL.callbackId);
        expect(Object.keys(inputIds(modal))).toEqual(Object.values(REQUEST_MODAL.blocks));
        expect(new Set(Object.values(inputIds(modal)))).toEqual(new Set([REQUEST_MODAL.actionId]));
        expect(JSON.parse(modal.private_metadata!)).toEqual({ timezone: zone });
      }
    }
  });

  it('says when the timezone is a stand-in', () => {
    const modal = requestModal({
      timezone: 'UTC',
      timezoneKnown: false,
      offered: offeredWindows('UTC', NOW),
      prefill: {
        interviewTypes: ['execution'],
        level: 'SENIOR',
        role: 'BOTH',
        durationMinutes: 45,
        availability: null,
        note: null,
      },
    });
    expect(textOf(modal.blocks)).toContain(
      'Your Slack profile has no timezone I can use, so times are in *UTC*',
    );
  });

  const summary: RequestSummary = {
    interviewTypes: TYPES,
    level: 'DIRECTOR',
    role: 'BOTH',
    durationMinutes: 60,
    availability: { ...availability, now: { now: true, forMinutes: 120 } },
    timezone: LONGEST_ZONE,
    expiresAt: new Date(NOW + 7 * 86_400_000),
  };

  it('once placed, the modal and the message say what was heard, at the widest request', () => {
    for (const updated of [true, false]) {
      const modal = requestPlacedModal({ ...summary, updated });
      expectWithinLimits(modal);
      for (const timezoneKnown of [true, false])
        expectWithinLimits(requestSummaryMessage({ ...summary, updated, timezoneKnown }));
    }
    expect(textOf(requestPlacedModal({ ...summary, updated: false }).blocks)).toContain(
      '*You are in the pool.*',
    );
    expect(
      textOf(requestSummaryMessage({ ...summary, updated: true, timezoneKnown: false }).blocks),
    ).toContain('times are read as UTC');
    expect(
      textOf(requestSummaryMessage({ ...summary, updated: true, timezoneKnown: true }).blocks),
    ).toContain(
      '*Product sense, Execution, Strategy, Technical, Behavioural, Reverse interview* · Director · both roles (swap) · 60 min',
    );
  });
});

describe('the interviewee’s brief', () => {
  it('the modal has every block its listener reads, blank and prefilled at its longest', () => {
    for (const brief of [
      null,
      {
        company: hostile(BRIEF_LIMITS.company),
        level: 'DIRECTOR' as const,
        focus: hostile(BRIEF_LIMITS.focus),
        mode: 'pressure' as const,
      },
    ]) {
      const modal = sessionBriefModal({
        sessionId: '0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11',
        interviewerSlackUserId: 'U0ANA',
        defaultLevel: 'SENIOR',
        brief,
      });
      expectWithinLimits(modal);
      expect(modal.callback_id).toBe(SESSION_BRIEF.callbackId);
      expect(modal.private_metadata).toBe('0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11');
      expect(Object.keys(inputIds(modal))).toEqual(Object.values(SESSION_BRIEF.blocks));
    }
    const blank = sessionBriefModal({
      sessionId: 's',
      interviewerSlackUserId: 'U0ANA',
      defaultLevel: 'STAFF',
      brief: null,
    });
    expect(textOf(blank.blocks)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Staff/Principal"},"value":"STAFF"}',
    );
    expect(textOf(blank.blocks)).toContain('Only <@U0ANA> sees this');
  });

  it('the message keeps the interviewee’s words as text, at the longest the form allows', () => {
    // Hostile text at each field's maximum; text made only of `&` (five characters once escaped)
    // is clipped to the section's limit, which it used to overflow.
    const message = sessionBriefMessage({
      intervieweeSlackUserId: 'U0BO',
      typeLabel: 'Reverse interview',
      startsAt: NOW,
      brief: {
        company: hostile(BRIEF_LIMITS.company),
        level: 'DIRECTOR',
        focus: hostile(BRIEF_LIMITS.focus),
        mode: 'pressure',
      },
      revised: true,
    });
    expectWithinLimits(message);
    expect(memberTokens(message)).toEqual([]);
    const ampersandBrief = sessionBriefMessage({
      intervieweeSlackUserId: 'U0BO',
      typeLabel: 'Reverse interview',
      startsAt: NOW,
      brief: {
        company: ampersands(BRIEF_LIMITS.company),
        level: 'DIRECTOR',
        focus: ampersands(BRIEF_LIMITS.focus),
        mode: 'pressure',
      },
      revised: false,
    });
    expectWithinLimits(ampersandBrief);
    expect(textOf(message.blocks)).toContain('*Updated brief from <@U0BO>*');
    const bare = sessionBriefMessage({
      intervieweeSlackUserId: 'U0BO',
      typeLabel: 'Execution',
      startsAt: NOW,
      brief: { company: null, level: 'SENIOR', focus: null, mode: 'learning' },
      revised: false,
    });
    expectWithinLimits(bare);
    expect(textOf(bare.blocks)).toContain('*Aiming for:* Senior\\n*Mode:* Learning mode');
  });
});

describe('adding, editing and importing workspace questions', () => {
  const longest: WorkspaceQuestion = {
    id: '00000000-0000-4000-8000-000000000001',
    slug: `ex-${'a-very-long-slug-'.repeat(10)}`,
    workspaceId: 'ws',
    source: 'WORKSPACE',
    type: 'reverse-interview',
    topic: 'workspace',
    levels: ['PM', 'SENIOR', 'STAFF', 'DIRECTOR'],
    text: hostile(TEXT_LIMITS.text.max),
    followUps: Array.from({ length: TEXT_LIMITS.followUps.max }, () => hostile(TEXT_LIMITS.followUp.max)),
    rubricHints: Array.from({ length: TEXT_LIMITS.rubricHints.max }, () =>
      hostile(TEXT_LIMITS.rubricHint.max),
    ),
    hint: hostile(TEXT_LIMITS.hint.max),
    rolePlayNotes: [],
    retiredAt: null,
    createdAt: new Date(NOW),
  };

  it('the form, to add and to edit the longest question, has every block its listener reads', () => {
    for (const question of [undefined, longest]) {
      const modal = questionFormModal({ question, page: 12 });
      expectWithinLimits(modal);
      expect(modal.callback_id).toBe(QUESTION_FORM_MODAL.callbackId);
      expect(Object.keys(inputIds(modal))).toEqual(Object.values(QUESTION_FORM_MODAL.blocks));
      // Slack refuses an initial value longer than the input's own max_length.
      for (const block of blocksOf(modal)) {
        const element = block.element as { initial_value?: string; max_length?: number } | undefined;
        if (element?.initial_value !== undefined)
          expect(element.initial_value.length).toBeLessThanOrEqual(element.max_length!);
      }
    }
    const edit = questionFormModal({ question: longest, page: 2 });
    expect(JSON.parse(edit.private_metadata!)).toEqual({ questionId: longest.id, page: 2 });
    expect((edit.title as { text: string }).text).toBe('Edit question');
    expect(textOf(edit.blocks)).toContain(HOSTILE.slice(0, 20));
  });

  it('the import form states Slack’s cap and has the block its listener reads', () => {
    const modal = questionImportModal({ page: 3 });
    expectWithinLimits(modal);
    expect(inputIds(modal)).toEqual({ [QUESTION_IMPORT_MODAL.block]: QUESTION_IMPORT_MODAL.actionId });
    expect(JSON.parse(modal.private_metadata!)).toEqual({ page: 3 });
    expect(textOf(modal.blocks)).toContain('Slack takes at most 3000 characters here');
    expect(actionIds(modal)).toEqual([QUESTION_IMPORT_MODAL.actionId]);
  });
});
