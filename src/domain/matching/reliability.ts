/**
 * How likely a member is to turn up, from their recent sessions: a no-show or a late cancel is
 * a miss, any other finished session a show. A few imaginary sessions at the default rate are
 * mixed in, so one bad evening does not brand a newcomer and a long record outweighs them.
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
