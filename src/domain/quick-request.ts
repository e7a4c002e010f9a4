import type { Availability, Outcome } from './availability/availability-schema.ts';
import { parseAvailabilityText } from './availability/parse-availability-text.ts';
import { findInterviewType } from './interview-types.ts';
import { LEVEL_WORDS } from './level-words.ts';
import { type DurationMinutes, LEVELS, type Level, type Role } from './matching/types.ts';
import { APP_DEFAULT_DURATION_MINUTES } from './workspace-settings.ts';

/** A partner request as the quick path `/mock <type> [level] [role] [duration] [when]` gives it. */
export interface QuickRequest {
  interviewTypes: string[];
  level: Level | undefined;
  role: Role | undefined;
  durationMinutes: DurationMinutes | undefined;
  /** Undefined when the member named no time: the caller falls back to their last request or "now". */
  availability: Availability | undefined;
}

const ROLE_WORDS: Record<string, Role> = {
  interviewer: 'INTERVIEWER',
  interviewee: 'INTERVIEWEE',
  candidate: 'INTERVIEWEE',
  both: 'BOTH',
  swap: 'BOTH',
};

const DURATION = /^(30|45|60)(m|min|mins|minutes)$/;

export const QUICK_USAGE =
  'Usage: `/mock <type> [level] [role] [30min|45min|60min] [when]`, for example `/mock execution senior both weekdays 18-21` or `/mock behavioural now`.';

/**
 * Reads the quick path. The first words name one or more interview types (`execution,strategy`);
 * then level, role and duration words in any order; whatever remains is availability.
 */
export function parseQuickRequest(
  text: string,
  context: { now: number; timeZone: string; horizonDays: number },
): Outcome<QuickRequest> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const typeWords = (words.shift() ?? '').split(',').filter(Boolean);
  const types = typeWords.map((word) => ({ word, type: findInterviewType(word) }));
  const unknown = types.find((entry) => !entry.type);
  if (types.length === 0 || unknown) {
    return { ok: false, message: `\`${unknown?.word ?? ''}\` is not an interview type. ${QUICK_USAGE}` };
  }
  const request: QuickRequest = {
    interviewTypes: [...new Set(types.map((entry) => entry.type!.slug))],
    level: undefined,
    role: undefined,
    durationMinutes: undefined,
    availability: undefined,
  };
  const rest: string[] = [];
  for (const word of words) {
    const key = word.toLowerCase();
    const duration = DURATION.exec(key);
    if (LEVEL_WORDS[key] && request.level === undefined) request.level = LEVEL_WORDS[key];
    else if (ROLE_WORDS[key] && request.role === undefined) request.role = ROLE_WORDS[key];
    else if (duration && request.durationMinutes === undefined) {
      request.durationMinutes = Number(duration[1]) as DurationMinutes;
    } else rest.push(word);
  }
  if (rest.length > 0) {
    const availability = parseAvailabilityText(rest.join(' '), context);
    if (!availability.ok) return { ok: false, message: `${availability.message} ${QUICK_USAGE}` };
    request.availability = availability.value;
  }
  return { ok: true, value: request };
}

/** What a request needs beyond the quick path's words. */
export interface CompletedRequest {
  interviewTypes: string[];
  level: Level;
  role: Role;
  durationMinutes: DurationMinutes;
  availability: Availability;
}

/**
 * Fills in what the member did not say: from their last request, then their profile, then the
 * house defaults (PM, swap roles, the workspace's default length, free now). Times come from the
 * profile's "usually free" first (the member's standing answer), then the last request. A past
 * "now" has gone stale and is not reused; weekly windows and dated slots still mean what they meant.
 */
export function completeQuickRequest(
  quick: QuickRequest,
  last: Omit<CompletedRequest, 'interviewTypes'> | null,
  profileLevel: string | null,
  context: { now: number; timeZone: string; horizonDays: number },
  defaultDurationMinutes: DurationMinutes = APP_DEFAULT_DURATION_MINUTES,
  usualAvailability: Availability | null = null,
): CompletedRequest {
  const lastAvailability =
    last && last.availability.weekly.length + last.availability.slots.length > 0
      ? { weekly: last.availability.weekly, slots: last.availability.slots }
      : undefined;
  return {
    interviewTypes: quick.interviewTypes,
    level: quick.level ?? last?.level ?? LEVELS.find((level) => level === profileLevel) ?? 'PM',
    role: quick.role ?? last?.role ?? 'BOTH',
    durationMinutes: quick.durationMinutes ?? last?.durationMinutes ?? defaultDurationMinutes,
    availability: quick.availability ?? usualAvailability ?? lastAvailability ?? availableNow(context),
  };
}

function availableNow(context: { now: number; timeZone: string; horizonDays: number }): Availability {
  const now = parseAvailabilityText('now', context);
  if (!now.ok) throw new Error(`"now" must always parse: ${now.message}`);
  return now.value;
}
