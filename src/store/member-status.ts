import { type OpenRequestRow, toOpenRequestRow } from './partner-requests.ts';
import type { DbClient } from './prisma.ts';
import { type SessionRecord, toRecord, withParticipants } from './sessions.ts';

/** Sessions this long past their start still show as upcoming: one may be running. */
const RUNNING_GRACE_MS = 60 * 60_000;

/**
 * What `/mock status` shows a member, in one statement (Prisma's relation joins): their open
 * request and their next five sessions still proposed or confirmed, including one that started up
 * to an hour ago. The member is waiting on it; a query per relation would be five round trips.
 */
export async function findMemberStatus(
  db: DbClient,
  memberId: string,
  now: Date,
): Promise<{ request: OpenRequestRow | null; sessions: SessionRecord[] }> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: {
      requests: { where: { openForMemberId: memberId }, take: 1 },
      participants: {
        where: {
          session: {
            status: { in: ['PROPOSED', 'CONFIRMED'] },
            startsAt: { gt: new Date(now.getTime() - RUNNING_GRACE_MS) },
          },
        },
        orderBy: { session: { startsAt: 'asc' } },
        take: 5,
        select: { session: { include: withParticipants } },
      },
    },
  });
  const request = member?.requests[0];
  return {
    request: request ? toOpenRequestRow(request) : null,
    sessions: (member?.participants ?? []).map((participant) => toRecord(participant.session)),
  };
}
