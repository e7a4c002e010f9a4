import type { Level, Role } from '../../domain/matching/types.ts';

/** How levels and roles read in Slack; stored values stay the enum names. */
export const LEVEL_LABELS: Record<Level, string> = {
  PM: 'PM',
  SENIOR: 'Senior',
  STAFF: 'Staff/Principal',
  DIRECTOR: 'Director',
};

export const ROLE_LABELS: Record<Role, string> = {
  BOTH: 'Both (swap roles)',
  INTERVIEWEE: 'Interviewee',
  INTERVIEWER: 'Interviewer',
};
