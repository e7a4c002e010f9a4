import { z } from 'zod';
import { normaliseTimeZone } from './availability/time-zone.ts';
import { LEVELS, type Level } from './matching/types.ts';

/** What the profile modal holds, before it is checked. */
export interface ProfileFormFields {
  /** An IANA zone, or FOLLOW_SLACK_TIMEZONE to use whatever the Slack profile says. */
  timezone: string | undefined;
  level: string | undefined;
  meetingLink: string;
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
  blockedUsers: string[];
}

export type ProfileFormOutcome =
  | { ok: true; value: ProfileChanges }
  | { ok: false; errors: Partial<Record<ProfileFormField, string>> };

function profileSchema(selfUserId: string) {
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
    blockedUsers: z
      .array(z.string())
      .max(MAX_BLOCKED_USERS, { error: `You can list up to ${MAX_BLOCKED_USERS} people.` })
      .refine((users) => !users.includes(selfUserId), { error: 'You will never be matched with yourself.' })
      .transform((users) => [...new Set(users)]),
  });
}

/** Checks the profile form; every problem is reported next to its field in one round. */
export function readProfileForm(fields: ProfileFormFields, selfUserId: string): ProfileFormOutcome {
  const parsed = profileSchema(selfUserId).safeParse(fields);
  if (parsed.success) {
    const { timezone, ...rest } = parsed.data;
    return { ok: true, value: { ...rest, timezoneOverride: timezone } };
  }
  const errors: Partial<Record<ProfileFormField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as ProfileFormField] ??= issue.message;
  return { ok: false, errors };
}
