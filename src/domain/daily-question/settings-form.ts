import { z } from 'zod';
import { START_TIME_PATTERN } from '../availability/local-time.ts';
import { normaliseTimeZone } from '../availability/time-zone.ts';
import { sortWeekdays, WEEKDAYS, type Weekday } from '../availability/weekdays.ts';
import { BUILT_IN_INTERVIEW_TYPES } from '../interview-types.ts';

/** What the daily-question settings modal holds, before it is checked. */
export interface DailySettingsFields {
  channel: string | undefined;
  /** 'HH:MM' from Slack's time picker. */
  time: string | undefined;
  /** An IANA zone, or FOLLOW_ORGANIZER_TIMEZONE for the organizer's own Slack zone. */
  timezone: string | undefined;
  weekdays: string[];
  interviewTypes: string[];
  /** 'on' or 'off'. */
  enabled: string | undefined;
}

export type DailySettingsField = keyof DailySettingsFields;

/**
 * The value the shared timezone menu gives for "Use my Slack profile" (the profile modal's
 * FOLLOW_SLACK_TIMEZONE): here it means the zone of the organizer filling in the form.
 */
export const FOLLOW_ORGANIZER_TIMEZONE = 'slack';

export interface DailySettings {
  enabled: boolean;
  channelId: string;
  localTime: string;
  timezone: string;
  weekdays: Weekday[];
  interviewTypes: string[];
}

export type DailySettingsOutcome =
  | { ok: true; value: DailySettings }
  | { ok: false; errors: Partial<Record<DailySettingsField, string>> };

const TYPE_SLUGS = BUILT_IN_INTERVIEW_TYPES.map((type) => type.slug);

function settingsSchema(organizerTimezone: string | null) {
  return z.object({
    channel: z
      .string({ error: 'Pick the channel the question goes to.' })
      .regex(/^[CG][A-Z0-9]{2,}$/, { error: 'Pick a channel (not a direct message).' }),
    time: z
      .string({ error: 'Pick the time of day to post.' })
      .regex(START_TIME_PATTERN, { error: 'Give a time of day as HH:MM, from 00:00 to 23:59.' }),
    timezone: z.string({ error: 'Pick the timezone the time is in.' }).transform((zone, context) => {
      const wanted = zone === FOLLOW_ORGANIZER_TIMEZONE ? organizerTimezone : zone;
      const known = normaliseTimeZone(wanted);
      if (!known) {
        context.addIssue({
          code: 'custom',
          message:
            zone === FOLLOW_ORGANIZER_TIMEZONE
              ? 'Your Slack profile has no timezone; pick one from the list.'
              : `“${zone}” is not a timezone Mockingbird knows.`,
        });
      }
      return known ?? z.NEVER;
    }),
    weekdays: z
      .array(z.enum(WEEKDAYS, { error: 'Pick days of the week from the list.' }))
      .min(1, { error: 'Pick at least one day to post on.' })
      .transform((days) => sortWeekdays(days)),
    interviewTypes: z
      .array(z.enum(TYPE_SLUGS as [string, ...string[]], { error: 'Pick interview types from the list.' }))
      .min(1, { error: 'Pick at least one interview type to take turns.' })
      // Kept in the menu's order, which is the order they take turns in.
      .transform((types) => TYPE_SLUGS.filter((slug) => types.includes(slug))),
    enabled: z.enum(['on', 'off'], { error: 'Say whether the daily question is on or off.' }),
  });
}

/**
 * Checks the settings form; every problem is reported next to its field in one round.
 * `organizerTimezone` stands in for "Use my Slack profile" in the timezone menu.
 */
export function readDailySettingsForm(
  fields: DailySettingsFields,
  organizerTimezone: string | null,
): DailySettingsOutcome {
  const parsed = settingsSchema(organizerTimezone).safeParse(fields);
  if (parsed.success) {
    const { channel, time, enabled, ...rest } = parsed.data;
    return { ok: true, value: { ...rest, channelId: channel, localTime: time, enabled: enabled === 'on' } };
  }
  const errors: Partial<Record<DailySettingsField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as DailySettingsField] ??= issue.message;
  return { ok: false, errors };
}
