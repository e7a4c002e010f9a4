import { z } from 'zod';
import { type Availability, availabilitySchema } from './availability/availability-schema.ts';
import { parseAvailabilityText, type TextContext } from './availability/parse-availability-text.ts';
import { findInterviewType } from './interview-types.ts';
import { type DurationMinutes, LEVELS, ROLES } from './matching/types.ts';
import type { CompletedRequest } from './quick-request.ts';

/**
 * The "Find a practice partner" form, as plain values: what the member picked and typed, before
 * anything is checked. Reading it is a domain rule (the same rules as the quick path), so it lives
 * here and is tested without Slack; the modal only maps its blocks onto these fields.
 */
export interface RequestFormFields {
  interviewTypes: string[];
  level: string | undefined;
  role: string | undefined;
  duration: string | undefined;
  /** Picked presets, each written in the quick-path language (`weekdays 18:00-21:00`, `now 90`). */
  offeredWindows: string[];
  /** Free text for anything the presets miss (`tue 7-8:30am`, `2026-12-02 18-20`). */
  otherTimes: string;
  note: string;
}

export type RequestFormField = keyof RequestFormFields;

export const MAX_NOTE_LENGTH = 500;

export interface RequestForm extends CompletedRequest {
  note: string | null;
}

export type RequestFormOutcome =
  | { ok: true; value: RequestForm }
  | { ok: false; errors: Partial<Record<RequestFormField, string>> };

const formSchema = z.object({
  interviewTypes: z
    .array(z.string())
    .min(1, { error: 'Pick at least one interview type.' })
    .max(3, { error: 'Pick at most three types, so a partner can share one of them.' })
    .transform((words, context) => {
      const slugs = words.map((word) => findInterviewType(word)?.slug);
      if (slugs.some((slug) => slug === undefined)) {
        context.addIssue({ code: 'custom', message: 'One of those types no longer exists; pick again.' });
        return z.NEVER;
      }
      return [...new Set(slugs as string[])];
    }),
  level: z.enum(LEVELS, { error: 'Pick the level you are preparing for.' }),
  role: z.enum(ROLES, { error: 'Pick whether you want to interview, be interviewed or swap.' }),
  duration: z.enum(['30', '45', '60'], { error: 'Pick 30, 45 or 60 minutes.' }).transform(Number),
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH, { error: `Keep the note under ${MAX_NOTE_LENGTH} characters.` })
    .transform((note) => (note === '' ? null : note)),
});

/**
 * Checks every field at once, so the member sees all problems in one round, each next to its
 * field. Availability is the union of the picked presets and the free text; a preset that no
 * longer parses (a stale "this evening" after midnight) is reported rather than dropped.
 */
export function readRequestForm(fields: RequestFormFields, context: TextContext): RequestFormOutcome {
  const errors: Partial<Record<RequestFormField, string>> = {};
  const parsed = formSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as RequestFormField;
      errors[field] ??= issue.message;
    }
  }

  const pieces: Availability[] = [];
  for (const text of fields.offeredWindows) {
    const window = parseAvailabilityText(text, context);
    if (window.ok) pieces.push(window.value);
    else errors.offeredWindows ??= `“${text}” is no longer on offer; pick again. ${window.message}`;
  }
  if (fields.otherTimes.trim() !== '') {
    const other = parseAvailabilityText(fields.otherTimes, context);
    if (other.ok) pieces.push(other.value);
    else errors.otherTimes = other.message;
  }
  let availability: Availability | undefined;
  if (pieces.length === 0 && !errors.offeredWindows && !errors.otherTimes) {
    errors.offeredWindows = 'Pick at least one time, or “Now”, or type your own below.';
  } else if (!errors.offeredWindows && !errors.otherTimes) {
    const combined = availabilitySchema.safeParse(combineAvailability(pieces));
    if (combined.success) availability = combined.data;
    else errors.otherTimes = combined.error.issues[0]?.message ?? 'Those times do not fit together.';
  }

  if (!parsed.success || !availability) return { ok: false, errors };
  return {
    ok: true,
    value: {
      interviewTypes: parsed.data.interviewTypes,
      level: parsed.data.level,
      role: parsed.data.role,
      durationMinutes: parsed.data.duration as DurationMinutes,
      availability,
      note: parsed.data.note,
    },
  };
}

/** One availability from several: windows and slots are kept (duplicates once), the longest "now" wins. */
export function combineAvailability(pieces: readonly Availability[]): Availability {
  const unique = <T>(items: T[]) => [...new Map(items.map((item) => [JSON.stringify(item), item])).values()];
  const nows = pieces.flatMap((piece) => (piece.now ? [piece.now] : []));
  const now = nows.sort((a, b) => b.forMinutes - a.forMinutes)[0];
  return {
    weekly: unique(pieces.flatMap((piece) => piece.weekly)),
    slots: unique(pieces.flatMap((piece) => piece.slots)),
    ...(now ? { now } : {}),
  };
}
