import { DateTime } from 'luxon';
import { z } from 'zod';
import { END_TIME_PATTERN, START_TIME_PATTERN, windowMinutes } from './local-time.ts';
import { WEEKDAYS } from './weekdays.ts';

/**
 * A member's availability exactly as they entered it, in their own timezone. It is stored in this
 * form and only turned into UTC instants when matching (expandAvailability), because "weekdays
 * 18:00–21:00" must keep meaning 18:00 on the member's wall clock after the next DST switch.
 */

/** A session is 30–60 minutes, so a shorter window could never hold one. */
export const MIN_WINDOW_MINUTES = 30;
/** Enough for every evening plus a few extras; beyond this a member is describing a calendar. */
export const MAX_WEEKLY_WINDOWS = 10;
export const MAX_SLOTS = 20;
export const MIN_NOW_MINUTES = 30;
/** "Now" means the next few hours; longer stretches belong in a specific slot. */
export const MAX_NOW_MINUTES = 240;
/** Leaves room to round a 60-minute session's start up to the next quarter hour. */
export const DEFAULT_NOW_MINUTES = 90;

export const weekdaySchema = z.enum(WEEKDAYS, {
  error: (issue) =>
    `“${String(issue.input)}” isn't a day of the week; use mon, tue, wed, thu, fri, sat or sun.`,
});

const startTimeSchema = z
  .string({ error: 'Give a start time like 18:30.' })
  .regex(START_TIME_PATTERN, { error: 'The start must be a 24-hour time like 18:30 (HH:MM).' });

const endTimeSchema = z.string({ error: 'Give an end time like 21:00.' }).regex(END_TIME_PATTERN, {
  error: 'The end must be a 24-hour time like 21:00 (HH:MM), or 24:00 for midnight.',
});

const isoDateSchema = z
  .string({ error: 'Give a date like 2026-05-01.' })
  .refine((date) => /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone: 'utc' }).isValid, {
    error: (issue) => `“${String(issue.input)}” isn't a calendar date; write it as YYYY-MM-DD.`,
  });

type Span = { start: string; end: string };

function checkSpan(span: Span, context: z.RefinementCtx<Span>): void {
  // Malformed times already have their own message; measuring them would only add noise.
  if (!START_TIME_PATTERN.test(span.start) || !END_TIME_PATTERN.test(span.end)) return;
  const minutes = windowMinutes(span.start, span.end);
  if (minutes === 0) {
    context.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'The window starts and ends at the same time.',
    });
  } else if (minutes < MIN_WINDOW_MINUTES) {
    context.addIssue({
      code: 'custom',
      path: ['end'],
      message: `The window is only ${minutes} minutes; the shortest session is ${MIN_WINDOW_MINUTES} minutes.`,
    });
  }
}

/** Every week on the given days. An end before the start runs past midnight into the next day. */
export const weeklyWindowSchema = z
  .object({
    days: z
      .array(weekdaySchema)
      .min(1, { error: 'Pick at least one day.' })
      .refine((days) => new Set(days).size === days.length, { error: 'Each day can appear only once.' }),
    start: startTimeSchema,
    end: endTimeSchema,
  })
  .superRefine(checkSpan);

/** One date on the member's own calendar; an end before the start runs into the next day. */
export const specificSlotSchema = z
  .object({ date: isoDateSchema, start: startTimeSchema, end: endTimeSchema })
  .superRefine(checkSpan);

/**
 * Free for the next `forMinutes` from `since` (epoch ms), the moment the member said "now". It is
 * recorded because matching runs later than the request: a sweep an hour on must not stretch the
 * member's 90 free minutes into the future. Without it, "now" means the moment of expansion.
 */
export const nowAvailabilitySchema = z.object({
  now: z.literal(true),
  since: z.number().int().nonnegative().optional(),
  forMinutes: z
    .number({ error: '“Now” needs a number of minutes.' })
    .int({ error: '“Now” needs a whole number of minutes.' })
    .min(MIN_NOW_MINUTES, { error: `“Now” must last at least ${MIN_NOW_MINUTES} minutes.` })
    .max(MAX_NOW_MINUTES, { error: `“Now” can last at most ${MAX_NOW_MINUTES} minutes.` }),
});

export const availabilitySchema = z
  .object({
    weekly: z
      .array(weeklyWindowSchema)
      .max(MAX_WEEKLY_WINDOWS, {
        error: `That's more than ${MAX_WEEKLY_WINDOWS} weekly windows; combine days that share a time, e.g. weekdays 18:00–21:00.`,
      })
      .default([]),
    slots: z
      .array(specificSlotSchema)
      .max(MAX_SLOTS, { error: `That's more than ${MAX_SLOTS} specific times; keep to the next few days.` })
      .default([]),
    now: nowAvailabilitySchema.optional(),
  })
  .refine((availability) => availability.weekly.length + availability.slots.length > 0 || availability.now, {
    error: "Pick at least one time you're free, or “now”.",
  });

export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>;
export type SpecificSlot = z.infer<typeof specificSlotSchema>;
export type NowAvailability = z.infer<typeof nowAvailabilitySchema>;
export type Availability = z.infer<typeof availabilitySchema>;
/** One thing a member can pick or type: a weekly window, a dated slot or "now". */
export type AvailabilityEntry = WeeklyWindow | SpecificSlot | NowAvailability;

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates untrusted availability (a stored row, a modal submission) into one readable message. */
export function validateAvailability(input: unknown): Outcome<Availability> {
  const parsed = availabilitySchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'That availability is not valid.' };
}

/** Groups picked entries into one availability; the last "now" wins, as the freshest statement. */
export function availabilityFromEntries(entries: readonly AvailabilityEntry[]): Availability {
  const availability: Availability = { weekly: [], slots: [] };
  for (const entry of entries) {
    if ('now' in entry) availability.now = entry;
    else if ('days' in entry) availability.weekly.push(entry);
    else availability.slots.push(entry);
  }
  return availability;
}
