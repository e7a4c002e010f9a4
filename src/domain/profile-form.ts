import { z } from 'zod';
import type { Availability } from './availability/availability-schema.ts';
import { parseAvailabilityText, type TextContext } from './availability/parse-availability-text.ts';
import { normaliseTimeZone } from './availability/time-zone.ts';
import { LEVELS, type Level } from './matching/types.ts';

/** What the profile modal holds, before it is checked. */
export interface ProfileFormFields {
  /** An IANA zone, or FOLLOW_SLACK_TIMEZONE to use whatever the Slack profile says. */
  timezone: string | undefined;
  level: string | undefined;
  meetingLink: string;
  /** "Usually free", in the quick path's words: `weekdays 18-21, sat 10-12`. */
  usualTimes: string;
  /** Slack user ids of people the member does not want to be matched with. */
  blockedUsers: string[];
}

export type ProfileFormField = keyof ProfileFormFields;

export const FOLLOW_SLACK_TIMEZONE = 'slack';
export const MAX_BLOCKED_USERS = 25;
const MAX_LINK_LENGTH = 300;

export interface ProfileChanges {
  /** Null: follow the Slack profile's zone. */
  timezoneOverride: string | null;
  level: Level | null;
  meetingLink: string | null;
  /** The member's usual weekly times, as typed and as availability; null when they gave none. */
  usualTimes: { text: string; availability: Availability } | null;
  blockedUsers: string[];
}

export type ProfileFormOutcome =
  | { ok: true; value: ProfileChanges }
  | { ok: false; errors: Partial<Record<ProfileFormField, string>> };

const MAX_USUAL_TIMES_LENGTH = 200;

function profileSchema(selfUserId: string, context: TextContext) {
  return z.object({
    timezone: z
      .string({ error: 'Pick a timezone, or “Use my Slack profile”.' })
      .transform((zone, context) => {
        if (zone === FOLLOW_SLACK_TIMEZONE) return null;
        const known = normaliseTimeZone(zone);
        if (!known)
          context.addIssue({ code: 'custom', message: `“${zone}” is not a timezone Mockingbird knows.` });
        return known ?? z.NEVER;
      }),
    level: z
      .enum(LEVELS, { error: 'Pick one of the levels.' })
      .optional()
      .transform((level) => level ?? null),
    meetingLink: z
      .string()
      .trim()
      .max(MAX_LINK_LENGTH, { error: `Keep the link under ${MAX_LINK_LENGTH} characters.` })
      .refine((link) => link === '' || /^https?:\/\/[^\s<>|]+$/i.test(link), {
        error: 'Give a web address that starts with https://, e.g. your Zoom or Meet room.',
      })
      .transform((link) => (link === '' ? null : link)),
    usualTimes: z
      .string()
      .trim()
      .max(MAX_USUAL_TIMES_LENGTH, { error: `Keep it under ${MAX_USUAL_TIMES_LENGTH} characters.` })
      .transform((text, issues) => {
        if (text === '') return null;
        const parsed = parseAvailabilityText(text, context);
        // A standing default is weekly: "now" and dated slots would be stale by next week.
        const weeklyOnly = parsed.ok && !parsed.value.now && parsed.value.slots.length === 0;
        if (!parsed.ok || !weeklyOnly) {
          issues.addIssue({
            code: 'custom',
            message: parsed.ok
              ? 'Give the times you are free most weeks, e.g. “weekdays 18-21” or “sat, sun 10-12”, not a date or “now”.'
              : parsed.message,
          });
          return z.NEVER;
        }
        return { text, availability: parsed.value };
      }),
    blockedUsers: z
      .array(z.string())
      .max(MAX_BLOCKED_USERS, { error: `You can list up to ${MAX_BLOCKED_USERS} people.` })
      .refine((users) => !users.includes(selfUserId), { error: 'You will never be matched with yourself.' })
      .transform((users) => [...new Set(users)]),
  });
}

/**
 * Checks the profile form; every problem is reported next to its field in one round. `context`
 * reads the usual times on the member's clock (the zone they chose, else Slack's).
 */
export function readProfileForm(
  fields: ProfileFormFields,
  selfUserId: string,
  context: TextContext,
): ProfileFormOutcome {
  const parsed = profileSchema(selfUserId, context).safeParse(fields);
  if (parsed.success) {
    const { timezone, ...rest } = parsed.data;
    return { ok: true, value: { ...rest, timezoneOverride: timezone } };
  }
  const errors: Partial<Record<ProfileFormField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as ProfileFormField] ??= issue.message;
  return { ok: false, errors };
}
