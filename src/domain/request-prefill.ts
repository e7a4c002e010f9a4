import type { Availability } from './availability/availability-schema.ts';
import { LEVELS, type Level, type Role } from './matching/types.ts';
import { APP_DEFAULT_DURATION_MINUTES } from './workspace-settings.ts';

/** What the request form starts with, so a returning member only changes what is different. */
export interface RequestPrefill {
  interviewTypes: string[];
  level: Level;
  role: Role;
  durationMinutes: number;
  /** The last availability, if any; the form ticks the presets it matches. */
  availability: Availability | null;
  note: string | null;
}

interface LastRequest {
  interviewTypes: string[];
  level: Level;
  role: Role;
  durationMinutes: number;
  availability: Availability;
  note: string | null;
}

/**
 * The last request wins, then the profile's level, then the house defaults (the same as the quick
 * path's: PM, swap roles, the workspace's default length). `overrides` carry what the entry point
 * already knows, such as the type of the daily question whose "practise this" button opened the form,
 * or the question a member picked with the "Practise this question" message shortcut (as the note).
 */
export function requestPrefill(
  last: LastRequest | null,
  profileLevel: string | null,
  overrides: Partial<Pick<RequestPrefill, 'interviewTypes' | 'level' | 'note'>> = {},
  defaultDurationMinutes: number = APP_DEFAULT_DURATION_MINUTES,
  /** The profile's "usually free": the times the form starts from, before the last request's. */
  usualAvailability: Availability | null = null,
): RequestPrefill {
  return {
    interviewTypes: overrides.interviewTypes ?? last?.interviewTypes ?? [],
    level: overrides.level ?? last?.level ?? LEVELS.find((level) => level === profileLevel) ?? 'PM',
    role: last?.role ?? 'BOTH',
    durationMinutes: last?.durationMinutes ?? defaultDurationMinutes,
    availability: usualAvailability ?? last?.availability ?? null,
    note: overrides.note ?? last?.note ?? null,
  };
}
