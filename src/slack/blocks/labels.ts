import type { Role } from '../../domain/matching/types.ts';

/** How levels read in Slack: the domain's words, shared with the match explanation. */
export { LEVEL_LABELS } from '../../domain/level-words.ts';

export const ROLE_LABELS: Record<Role, string> = {
  BOTH: 'Both (swap roles)',
  INTERVIEWEE: 'Interviewee',
  INTERVIEWER: 'Interviewer',
};
