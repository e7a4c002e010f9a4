import { feedbackDuties } from '../domain/feedback/feedback-duties.ts';
import { type SessionBrief, storedBrief } from '../domain/sessions/session-brief.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { DbClient, Transaction } from './prisma.ts';

export interface BriefContext {
  sessionId: string;
  interviewType: string;
  startsAt: number;
  status: string;
  interviewee: {
    memberId: string;
    slackUserId: string;
    level: string;
    brief: SessionBrief | null;
    revision: number;
  };
  /** Who will read it: the partner, when they interview this member. */
  interviewer: { memberId: string; slackUserId: string } | null;
}

/** The member's brief in the session and who it is for; null when they are not in it. */
export async function findBriefContext(
  db: DbClient,
  sessionId: string,
  slackUserId: string,
): Promise<BriefContext | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      interviewType: true,
      startsAt: true,
      status: true,
      participants: {
        select: {
          memberId: true,
          interviewsFirst: true,
          brief: true,
          briefRevision: true,
          member: { select: { slackUserId: true } },
          request: { select: { role: true, level: true } },
        },
      },
    },
  });
  const me = session?.participants.find((p) => p.member.slackUserId === slackUserId);
  const partner = session?.participants.find((p) => p.member.slackUserId !== slackUserId);
  if (!session || !me) return null;
  const roles = session.participants.map((p) => ({
    memberId: p.memberId,
    role: p.request.role,
    interviewsFirst: p.interviewsFirst,
  }));
  const interviewedByPartner = partner ? feedbackDuties(roles, me.memberId).ratesInterviewer : false;
  return {
    sessionId: session.id,
    interviewType: session.interviewType,
    startsAt: session.startsAt.getTime(),
    status: session.status,
    interviewee: {
      memberId: me.memberId,
      slackUserId: me.member.slackUserId,
      level: me.request.level,
      brief: storedBrief(me.brief),
      revision: me.briefRevision,
    },
    interviewer:
      partner && interviewedByPartner
        ? { memberId: partner.memberId, slackUserId: partner.member.slackUserId }
        : null,
  };
}

/** Saves the brief and returns its new revision (each save is delivered once, as its own revision). */
export async function saveBrief(
  tx: Transaction,
  input: { sessionId: string; memberId: string; brief: SessionBrief },
): Promise<number> {
  const updated = await tx.sessionParticipant.update({
    where: { sessionId_memberId: { sessionId: input.sessionId, memberId: input.memberId } },
    data: { brief: input.brief as Prisma.InputJsonValue, briefRevision: { increment: 1 } },
    select: { briefRevision: true },
  });
  return updated.briefRevision;
}
