import type { Level } from './matching/types.ts';

/** How levels read to members; stored values stay the enum names. */
export const LEVEL_LABELS: Record<Level, string> = {
  PM: 'PM',
  SENIOR: 'Senior',
  STAFF: 'Staff/Principal',
  DIRECTOR: 'Director',
};

/** The words members type for a level, in any command that takes one (the quick path, `/mock question`). */
export const LEVEL_WORDS: Readonly<Record<string, Level>> = {
  pm: 'PM',
  apm: 'PM',
  senior: 'SENIOR',
  spm: 'SENIOR',
  staff: 'STAFF',
  principal: 'STAFF',
  director: 'DIRECTOR',
  gpm: 'DIRECTOR',
};
