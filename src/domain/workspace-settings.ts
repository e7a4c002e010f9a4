import { z } from 'zod';
import type { SessionTiming } from '../config.ts';
import { DEFAULT_MATCHING_CONFIG, type MatchingConfig } from './matching/config.ts';
import { DURATIONS, type DurationMinutes } from './matching/types.ts';

/**
 * A workspace's organizer settings (`/mock admin`) and how they bend the app's defaults. Every
 * field may be unset (null, or an empty list): unset means the app's default, which the app's
 * configuration may change later for every workspace that never chose otherwise.
 */
export interface WorkspaceSettings {
  /** Organizers besides the workspace's admins and owners (and ORGANIZER_SLACK_IDS). */
  organizerSlackIds: string[];
  maxLevelDistance: number | null;
  cooldownDays: number | null;
  sweepIntervalMinutes: number | null;
  horizonDays: number | null;
  defaultDurationMinutes: DurationMinutes | null;
  /** Reminders before a confirmed session, largest first; empty: the app's. */
  reminderOffsetsMinutes: number[];
  confirmNudgeHours: number | null;
  releaseHours: number | null;
  /** A person who joins the daily-question channel is welcomed privately (on unless turned off). */
  welcomeNewMembers: boolean;
}

export const NO_WORKSPACE_SETTINGS: WorkspaceSettings = {
  organizerSlackIds: [],
  maxLevelDistance: null,
  cooldownDays: null,
  sweepIntervalMinutes: null,
  horizonDays: null,
  defaultDurationMinutes: null,
  reminderOffsetsMinutes: [],
  confirmNudgeHours: null,
  releaseHours: null,
  welcomeNewMembers: true,
};

/** The duration a request starts with when neither the member nor the workspace chose one. */
export const APP_DEFAULT_DURATION_MINUTES: DurationMinutes = 45;

/**
 * What an organizer may choose. Level distance 3 already spans PM to Director; cooldown and horizon
 * stay where a repeat pairing or a slot is still meaningful; the sweep is at least 5 minutes apart
 * (the sweep scheduler's own tick, see sweepTickMs) and at least daily; reminders between 5 minutes
 * and a week before, four at most, so a session never nags.
 */
export const SETTINGS_LIMITS = {
  maxOrganizers: 20,
  maxLevelDistance: { min: 0, max: 3 },
  cooldownDays: { min: 0, max: 90 },
  sweepIntervalMinutes: { min: 5, max: 1440 },
  horizonDays: { min: 1, max: 30 },
  reminderOffsetsMinutes: { min: 5, max: 7 * 24 * 60, count: 4 },
  confirmNudgeHours: { min: 1, max: 72 },
  releaseHours: { min: 1, max: 168 },
} as const;

/** The reminder times the form offers, in minutes before the start. */
export const REMINDER_CHOICES_MINUTES = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080] as const;

/** The settings form as Slack hands it over, before it is checked. Blank fields are undefined. */
export interface WorkspaceSettingsFields {
  organizers: string[];
  maxLevelDistance: string | undefined;
  cooldownDays: string | undefined;
  sweepIntervalMinutes: string | undefined;
  horizonDays: string | undefined;
  defaultDurationMinutes: string | undefined;
  reminderOffsetsMinutes: string[];
  confirmNudgeHours: string | undefined;
  releaseHours: string | undefined;
  /** 'on' or 'off'; undefined (a form from before the choice existed) keeps the default, on. */
  welcomeNewMembers: string | undefined;
}

export type WorkspaceSettingsField = keyof WorkspaceSettingsFields;

/** What each field means when left blank, in the form's own units (the configuration may give fractions). */
export interface SettingsDefaults {
  maxLevelDistance: number;
  cooldownDays: number;
  sweepIntervalMinutes: number;
  horizonDays: number;
  defaultDurationMinutes: DurationMinutes;
  reminderOffsetsMinutes: number[];
  confirmNudgeHours: number;
  releaseHours: number;
}

export type WorkspaceSettingsOutcome =
  | { ok: true; value: WorkspaceSettings }
  | { ok: false; errors: Partial<Record<WorkspaceSettingsField, string>> };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function settingsDefaults(timing: SessionTiming, sweepIntervalMs: number): SettingsDefaults {
  return {
    maxLevelDistance: DEFAULT_MATCHING_CONFIG.maxLevelDistance,
    cooldownDays: DEFAULT_MATCHING_CONFIG.cooldownDays,
    sweepIntervalMinutes: sweepIntervalMs / MINUTE_MS,
    horizonDays: DEFAULT_MATCHING_CONFIG.horizonDays,
    defaultDurationMinutes: APP_DEFAULT_DURATION_MINUTES,
    reminderOffsetsMinutes: timing.remindersMs.map((ms) => ms / MINUTE_MS),
    confirmNudgeHours: timing.confirmNudgeMs / HOUR_MS,
    releaseHours: timing.releaseMs / HOUR_MS,
  };
}

/** A blank box is "not set"; anything else must be a whole number within the limits. */
function wholeNumber(limits: { min: number; max: number }, message: string) {
  return z
    .string()
    .optional()
    .transform((text, context) => {
      const trimmed = text?.trim() ?? '';
      if (trimmed === '') return null;
      const value = Number(trimmed);
      if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return value;
    });
}

const { reminderOffsetsMinutes: reminderLimits } = SETTINGS_LIMITS;

const FIELDS = {
  organizers: z
    .array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, { error: 'Pick organizers from the member list.' }))
    .max(SETTINGS_LIMITS.maxOrganizers, {
      error: `Pick at most ${SETTINGS_LIMITS.maxOrganizers} organizers; admins and owners count without being listed.`,
    })
    .transform((ids) => [...new Set(ids)]),
  maxLevelDistance: wholeNumber(
    SETTINGS_LIMITS.maxLevelDistance,
    'Give a whole number from 0 (the same level only) to 3 (any level).',
  ),
  cooldownDays: wholeNumber(
    SETTINGS_LIMITS.cooldownDays,
    'Give a whole number of days from 0 (no cooldown) to 90.',
  ),
  sweepIntervalMinutes: wholeNumber(
    SETTINGS_LIMITS.sweepIntervalMinutes,
    'Give a whole number of minutes from 5 to 1440 (once a day).',
  ),
  horizonDays: wholeNumber(SETTINGS_LIMITS.horizonDays, 'Give a whole number of days from 1 to 30.'),
  defaultDurationMinutes: z
    .enum(DURATIONS.map(String) as [string, ...string[]], { error: 'Pick 30, 45 or 60 minutes.' })
    .optional()
    .transform((value) => (value === undefined ? null : (Number(value) as DurationMinutes))),
  reminderOffsetsMinutes: z
    .array(
      z.string().transform((text, context) => {
        const minutes = Number(text);
        if (!Number.isInteger(minutes) || minutes < reminderLimits.min || minutes > reminderLimits.max) {
          context.addIssue({
            code: 'custom',
            message: 'Pick reminders from the list: between 5 minutes and 7 days before.',
          });
          return z.NEVER;
        }
        return minutes;
      }),
    )
    .max(reminderLimits.count, { error: `Pick at most ${reminderLimits.count} reminders.` })
    .transform((minutes) => [...new Set(minutes)].sort((a, b) => b - a)),
  confirmNudgeHours: wholeNumber(
    SETTINGS_LIMITS.confirmNudgeHours,
    'Give a whole number of hours from 1 to 72.',
  ),
  releaseHours: wholeNumber(
    SETTINGS_LIMITS.releaseHours,
    'Give a whole number of hours from 1 to 168 (a week).',
  ),
  welcomeNewMembers: z
    .enum(['on', 'off'], { error: 'Say whether newcomers to the practice channel are welcomed.' })
    .optional()
    .transform((value) => value !== 'off'),
} satisfies Record<WorkspaceSettingsField, z.ZodType>;

const settingsSchema = z.object(FIELDS);

/**
 * Checks the settings form; every problem is reported next to its field in one round. The nudge
 * must come before the release, each read as set or, when blank, as the app's default.
 */
export function readWorkspaceSettingsForm(
  fields: WorkspaceSettingsFields,
  defaults: SettingsDefaults,
): WorkspaceSettingsOutcome {
  const parsed = settingsSchema.safeParse(fields);
  const errors: Partial<Record<WorkspaceSettingsField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors[issue.path[0] as WorkspaceSettingsField] ??= issue.message;
  }
  const nudge = FIELDS.confirmNudgeHours.safeParse(fields.confirmNudgeHours);
  const release = FIELDS.releaseHours.safeParse(fields.releaseHours);
  if (nudge.success && release.success) {
    const nudgeHours = nudge.data ?? defaults.confirmNudgeHours;
    const releaseHours = release.data ?? defaults.releaseHours;
    if (nudgeHours >= releaseHours) {
      const field = nudge.data !== null ? 'confirmNudgeHours' : 'releaseHours';
      errors[field] ??=
        field === 'confirmNudgeHours'
          ? `The nudge must come before the release (after ${hours(releaseHours)}): give fewer hours.`
          : `The release must come after the nudge (after ${hours(nudgeHours)}): give more hours.`;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { organizers, ...rest } = parsed.data;
  return { ok: true, value: { organizerSlackIds: organizers, ...rest } };
}

function hours(value: number): string {
  return `${Number(value.toFixed(2))} ${value === 1 ? 'hour' : 'hours'}`;
}

/** The matching engine's configuration for a workspace: its limits where set, the defaults elsewhere. */
export function matchingConfigFor(
  settings: WorkspaceSettings,
  base: MatchingConfig = DEFAULT_MATCHING_CONFIG,
): MatchingConfig {
  return {
    ...base,
    maxLevelDistance: settings.maxLevelDistance ?? base.maxLevelDistance,
    cooldownDays: settings.cooldownDays ?? base.cooldownDays,
    horizonDays: settings.horizonDays ?? base.horizonDays,
  };
}

/** A workspace's session follow-ups: its reminders, nudge and release where set, the app's elsewhere. */
export function sessionTimingFor(base: SessionTiming, settings: WorkspaceSettings): SessionTiming {
  return {
    ...base,
    remindersMs:
      settings.reminderOffsetsMinutes.length > 0
        ? settings.reminderOffsetsMinutes.map((minutes) => minutes * MINUTE_MS).sort((a, b) => b - a)
        : base.remindersMs,
    confirmNudgeMs:
      settings.confirmNudgeHours !== null ? settings.confirmNudgeHours * HOUR_MS : base.confirmNudgeMs,
    releaseMs: settings.releaseHours !== null ? settings.releaseHours * HOUR_MS : base.releaseMs,
  };
}

export function defaultDurationFor(settings: WorkspaceSettings): DurationMinutes {
  return settings.defaultDurationMinutes ?? APP_DEFAULT_DURATION_MINUTES;
}

export function sweepIntervalMsFor(
  settings: Pick<WorkspaceSettings, 'sweepIntervalMinutes'>,
  defaultMs: number,
): number {
  return settings.sweepIntervalMinutes !== null ? settings.sweepIntervalMinutes * MINUTE_MS : defaultMs;
}

/**
 * How often the one sweep scheduler ticks: often enough for the shortest interval a workspace may
 * choose, and never less often than the configured default. Each tick sweeps only the workspaces
 * whose own interval has passed (isSweepDue).
 */
export function sweepTickMs(defaultIntervalMs: number): number {
  return Math.min(defaultIntervalMs, SETTINGS_LIMITS.sweepIntervalMinutes.min * MINUTE_MS);
}

/**
 * Whether a workspace's pool is due a sweep at this tick. An interval no longer than the tick is
 * swept every tick; otherwise half a tick of slack keeps a 15-minute interval on a 5-minute tick
 * from slipping to 20 when the last run was recorded a little after its tick. A last run "in the
 * future" (a clock set back) does not stop sweeps.
 */
export function isSweepDue(check: {
  lastSweepAt: number | null;
  intervalMs: number;
  tickMs: number;
  now: number;
}): boolean {
  const { lastSweepAt, intervalMs, tickMs, now } = check;
  if (intervalMs <= tickMs || lastSweepAt === null || lastSweepAt > now) return true;
  return now - lastSweepAt >= intervalMs - tickMs / 2;
}
