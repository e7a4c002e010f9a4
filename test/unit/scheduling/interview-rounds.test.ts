import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/matching/types.ts';
import { interviewRounds } from '../../../src/domain/scheduling/interview-rounds.ts';

const pair = (firstRole: Role, secondRole: Role) => [
  { memberId: 'b', role: secondRole, interviewsFirst: false },
  { memberId: 'a', role: firstRole, interviewsFirst: true },
];
const asText = (roles: [Role, Role]) =>
  interviewRounds(pair(...roles)).map(
    (round) => `${round.interviewer.memberId}→${round.interviewee.memberId}`,
  );

describe('interviewRounds', () => {
  it.each<[Role, Role, string[]]>([
    ['BOTH', 'BOTH', ['a→b', 'b→a']],
    ['INTERVIEWER', 'INTERVIEWEE', ['a→b']],
    ['BOTH', 'INTERVIEWEE', ['a→b']],
    ['INTERVIEWER', 'BOTH', ['a→b']],
  ])('%s first, %s second: %j', (first, second, expected) => {
    expect(asText([first, second])).toEqual(expected);
  });

  it('needs two participants', () => {
    expect(interviewRounds([{ memberId: 'a', role: 'BOTH', interviewsFirst: true }])).toEqual([]);
  });
});
