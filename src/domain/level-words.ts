import type { Level } from './matching/types.ts';

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
