import { type MemberProfile, type MemberRef, toProfile } from './members.ts';
import { type OpenRequestRow, toOpenRequestRow } from './partner-requests.ts';
import type { DbClient } from './prisma.ts';
import { type SessionRecord, toRecord, withParticipants } from './sessions.ts';

/** Sessions this long past their start still show as upcoming: one may be running. */
const RUNNING_GRACE_MS = 60 * 60_000;

/** What `/mock status` shows: the member's open request and sessions ahead. */
export interface MemberStatus {
  member: MemberProfile;
  request: OpenRequestRow | null;
  sessions: SessionRecord[];
}

/**
 * The member and what `/mock status` shows them, in one statement (Prisma's relation joins):
 * their open request and their next five sessions still proposed or confirmed, including one that
 * started up to an hour ago. Null before the member's first contact. The member is waiting on it:
 * a lookup and then a query per relation would be six round trips; a lookup then this, two.
 */
export async function findMemberStatus(
  db: DbClient,
  ref: MemberRef,
  now: Date,
): Promise<MemberStatus | null> {
  const member = await db.member.findFirst({
    where: { slackUserId: ref.slackUserId, workspace: { slackTeamId: ref.slackTeamId } },
    include: {
      requests: { where: { openForMemberId: { not: null } }, take: 1 },
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
  if (!member) return null;
  const { requests, participants, ...row } = member;
  const request = requests[0];
  return {
    member: toProfile(row, ref),
    request: request ? toOpenRequestRow(request) : null,
    sessions: participants.map((participant) => toRecord(participant.session)),
  };
}
