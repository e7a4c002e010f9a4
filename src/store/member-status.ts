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
 * The member and what `/mock status` shows them: their open request and their next five sessions
 * still proposed or confirmed, including one that started up to an hour ago. Null before the
 * member's first contact. The member is waiting on it, so it costs one statement for a member
 * with nothing ahead, the usual case, and a second only to load the sessions they do have ahead.
 *
 * The first statement names the sessions ahead by id rather than including them with their
 * participants: Prisma's relation joins for that nesting build a statement PostgreSQL spent about
 * 1.5 ms planning and running on every call, sessions ahead or not; this one takes about 0.6 ms.
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
        select: { sessionId: true },
      },
    },
  });
  if (!member) return null;
  const { requests, participants, ...row } = member;
  const request = requests[0];
  const sessions =
    participants.length === 0
      ? []
      : await db.session.findMany({
          where: { id: { in: participants.map((participant) => participant.sessionId) } },
          orderBy: { startsAt: 'asc' },
          include: withParticipants,
        });
  return {
    member: toProfile(row, ref),
    request: request ? toOpenRequestRow(request) : null,
    sessions: sessions.map(toRecord),
  };
}
