import { DateTime } from 'luxon';
import { z } from 'zod';
import { availabilitySchema } from './availability/availability-schema.ts';
import { DURATIONS, LEVELS, ROLES } from './matching/types.ts';

/**
 * "Pair me every week": a standing request the member sets once (`/mock weekly <type> …`). Each
 * week, in the member's own zone, it is entered into matching for them, unless they skip that
 * week, are paused or snoozed, or already have a request or a session of their own.
 */
export const weeklyRequestSchema = z.object({
  interviewTypes: z.array(z.string()).min(1),
  level: z.enum(LEVELS),
  role: z.enum(ROLES),
  durationMinutes: z.union([z.literal(DURATIONS[0]), z.literal(DURATIONS[1]), z.literal(DURATIONS[2])]),
  availability: availabilitySchema,
});
export type WeeklyRequest = z.infer<typeof weeklyRequestSchema>;

/** A stored standing request that no longer validates is treated as none. */
export function storedWeeklyRequest(value: unknown): WeeklyRequest | null {
  const parsed = weeklyRequestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The ISO week `now` falls in, on the member's clock: "2026-W50". */
export function isoWeekKey(now: number, timeZone: string): string {
  const local = DateTime.fromMillis(now, { zone: timeZone });
  const zoned = local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' });
  return `${zoned.weekYear}-W${String(zoned.weekNumber).padStart(2, '0')}`;
}

export interface WeeklyMemberState {
  weeklyRequest: WeeklyRequest | null;
  enteredWeek: string | null;
  skippedWeek: string | null;
  paused: boolean;
  /** An open request or a session still ahead: the member is already in the running. */
  busy: boolean;
}

export type WeeklyDecision =
  | { enter: true; week: string }
  | { enter: false; reason: 'not-opted-in' | 'entered' | 'skipped' | 'paused' | 'busy' };

/** Whether this week's entry is owed to the member now. */
export function weeklyEntryDue(member: WeeklyMemberState, week: string): WeeklyDecision {
  if (!member.weeklyRequest) return { enter: false, reason: 'not-opted-in' };
  if (member.enteredWeek === week) return { enter: false, reason: 'entered' };
  if (member.skippedWeek === week) return { enter: false, reason: 'skipped' };
  if (member.paused) return { enter: false, reason: 'paused' };
  if (member.busy) return { enter: false, reason: 'busy' };
  return { enter: true, week };
}
