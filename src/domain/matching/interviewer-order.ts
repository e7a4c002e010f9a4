import type { MatchingRules } from './matching-rules.ts';
import type { OpenRequest, Role } from './types.ts';

/** Who interviews whom in a pair: one-way, or both in turn with one of them first. */
export interface InterviewerOrder {
  firstInterviewer: 'a' | 'b';
  /** True when both asked for "both": after ~25 minutes they swap. */
  swapRoles: boolean;
}

const CAN_INTERVIEW: Record<Role, boolean> = { INTERVIEWER: true, INTERVIEWEE: false, BOTH: true };
const CAN_BE_INTERVIEWED: Record<Role, boolean> = { INTERVIEWER: false, INTERVIEWEE: true, BOTH: true };

/** Roles fit when one side can interview and the other can be interviewed. */
export function rolesFit(a: Role, b: Role): boolean {
  return (CAN_INTERVIEW[a] && CAN_BE_INTERVIEWED[b]) || (CAN_INTERVIEW[b] && CAN_BE_INTERVIEWED[a]);
}

/**
 * Decides the order for a pair whose roles fit. With a swap, the member who has received more
 * interviews than they have given (in this type) interviews first, so the community's give and
 * take stays balanced; ties go to the older request, then to the smaller id, so the answer never
 * depends on argument order.
 */
export function decideInterviewerOrder(
  a: OpenRequest,
  b: OpenRequest,
  interviewType: string,
  rules: MatchingRules,
): InterviewerOrder {
  if (a.role !== 'BOTH' || b.role !== 'BOTH') {
    const aInterviews = a.role === 'INTERVIEWER' || b.role === 'INTERVIEWEE';
    return { firstInterviewer: aInterviews ? 'a' : 'b', swapRoles: false };
  }
  const balanceA = rules.balanceOf(a.memberId, interviewType);
  const balanceB = rules.balanceOf(b.memberId, interviewType);
  const owedA = balanceA.received - balanceA.given;
  const owedB = balanceB.received - balanceB.given;
  let aFirst: boolean;
  if (owedA !== owedB) aFirst = owedA > owedB;
  else if (balanceA.received !== balanceB.received) aFirst = balanceA.received > balanceB.received;
  else if (a.createdAt !== b.createdAt) aFirst = a.createdAt < b.createdAt;
  else aFirst = a.id < b.id;
  return { firstInterviewer: aFirst ? 'a' : 'b', swapRoles: true };
}
