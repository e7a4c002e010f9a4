import type { Role } from '../matching/types.ts';

export interface RoundMember {
  memberId: string;
  role: Role;
  interviewsFirst: boolean;
}

export interface InterviewRound<M extends RoundMember> {
  interviewer: M;
  interviewee: M;
}

/**
 * Who asks whom: the first interviewer (chosen by matching) asks first; the second round, the
 * swap, happens only when both sides agreed to it (an interviewee-only member never asks, an
 * interviewer-only member is never asked).
 */
export function interviewRounds<M extends RoundMember>(participants: readonly M[]): Array<InterviewRound<M>> {
  const first = participants.find((p) => p.interviewsFirst);
  const second = participants.find((p) => p !== first);
  if (!first || !second) return [];
  const rounds = [{ interviewer: first, interviewee: second }];
  if (second.role !== 'INTERVIEWEE' && first.role !== 'INTERVIEWER') {
    rounds.push({ interviewer: second, interviewee: first });
  }
  return rounds;
}
