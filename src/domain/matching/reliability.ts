/**
 * How likely a member is to turn up, from their recent sessions: a no-show or a late cancel is
 * a miss, any other finished session a show. A few imaginary sessions at the default rate are
 * mixed in, so one bad evening does not brand a newcomer and a long record outweighs them.
 *
 * What is fair, and how matching uses it:
 * - Each member carries only their own record. A partner's absence is the partner's miss; the one
 *   who came counts a show, so nobody is punished for someone else's no-show.
 * - A newcomer starts at the community's default rate, like anyone without a record.
 * - A pair's factor is the mean of the two rates, not their product. The product rewards putting
 *   two unreliable members together (1×1 + ½×½ beats 1×½ + 1×½), so a member with one bad
 *   evening would keep meeting the least reliable people, and be let down more often, through no
 *   fault of theirs. With the mean the total is the same however the pool is paired: reliability
 *   decides who gets a scarce partner first (the reliable member waits less), never who is
 *   grouped with whom. test/unit/matching/reliability.test.ts holds both to account.
 */

export interface AttendanceRecord {
  memberId: string;
  missed: boolean;
}

/** The weight of the prior, in sessions. */
const PRIOR_SESSIONS = 3;

export function reliabilityByMember(
  records: readonly AttendanceRecord[],
  defaultReliability: number,
): Record<string, number> {
  const tally = new Map<string, { shows: number; total: number }>();
  for (const record of records) {
    const entry = tally.get(record.memberId) ?? { shows: 0, total: 0 };
    entry.total += 1;
    if (!record.missed) entry.shows += 1;
    tally.set(record.memberId, entry);
  }
  return Object.fromEntries(
    [...tally].map(([memberId, { shows, total }]) => [
      memberId,
      (shows + PRIOR_SESSIONS * defaultReliability) / (total + PRIOR_SESSIONS),
    ]),
  );
}
