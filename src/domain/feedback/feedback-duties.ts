import { interviewRounds, type RoundMember } from '../scheduling/interview-rounds.ts';

/**
 * What each member writes after a session follows from who asked whom (interviewRounds): rubric
 * feedback on every partner they interviewed, and a private rating of every interviewer who asked
 * them. In a swap each does both; in a one-way session the interviewer writes the rubric and the
 * interviewee rates the interviewer, so nobody is ever scored on an interview that never happened.
 */
export interface FeedbackDuties {
  /** Rubric feedback about the partner, who was this member's interviewee. */
  writesRubric: boolean;
  /** A private rating of the partner as this member's interviewer. */
  ratesInterviewer: boolean;
}

export function feedbackDuties(participants: readonly RoundMember[], memberId: string): FeedbackDuties {
  const rounds = interviewRounds(participants);
  return {
    writesRubric: rounds.some((round) => round.interviewer.memberId === memberId),
    ratesInterviewer: rounds.some((round) => round.interviewee.memberId === memberId),
  };
}

/** How many rubric feedbacks a session expects: one per round. */
export function expectedFeedbackCount(participants: readonly RoundMember[]): number {
  return interviewRounds(participants).length;
}
