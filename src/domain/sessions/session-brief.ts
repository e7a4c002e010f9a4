import { z } from 'zod';
import { LEVELS } from '../matching/types.ts';

/**
 * What the interviewee tells their interviewer before a session, so the interview fits: the
 * company and level they are aiming at, what to focus on, and whether they want to learn as they
 * go (hints, pauses to discuss) or be pushed as in the real thing.
 */
export const BRIEF_MODES = ['learning', 'pressure'] as const;
export type BriefMode = (typeof BRIEF_MODES)[number];

export const BRIEF_LIMITS = { company: 80, focus: 500 } as const;

export const sessionBriefSchema = z.object({
  company: z
    .string()
    .trim()
    .max(BRIEF_LIMITS.company, { error: `Keep it under ${BRIEF_LIMITS.company} characters.` })
    .transform((text) => (text === '' ? null : text)),
  level: z.enum(LEVELS, { error: 'Pick the level you are aiming for.' }),
  focus: z
    .string()
    .trim()
    .max(BRIEF_LIMITS.focus, { error: `Keep it under ${BRIEF_LIMITS.focus} characters.` })
    .transform((text) => (text === '' ? null : text)),
  mode: z.enum(BRIEF_MODES, { error: 'Pick learning or pressure mode.' }),
});

export type SessionBrief = z.infer<typeof sessionBriefSchema>;
export type SessionBriefField = keyof SessionBrief;

export type BriefOutcome =
  | { ok: true; value: SessionBrief }
  | { ok: false; errors: Partial<Record<SessionBriefField, string>> };

export function readSessionBrief(fields: Record<SessionBriefField, string | undefined>): BriefOutcome {
  const parsed = sessionBriefSchema.safeParse({
    company: fields.company ?? '',
    level: fields.level,
    focus: fields.focus ?? '',
    mode: fields.mode,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<SessionBriefField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as SessionBriefField] ??= issue.message;
  return { ok: false, errors };
}

/** The brief as stored (the form's output, blanks as null). */
const storedBriefSchema = z.object({
  company: z.string().nullable(),
  level: z.enum(LEVELS),
  focus: z.string().nullable(),
  mode: z.enum(BRIEF_MODES),
});

/** A stored brief that no longer validates is treated as none. */
export function storedBrief(value: unknown): SessionBrief | null {
  const parsed = storedBriefSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
