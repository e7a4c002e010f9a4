import type { Database } from './prisma.ts';

export interface SessionForIntro {
  id: string;
  workspaceId: string;
  interviewType: string;
  startsAt: Date;
  durationMinutes: number;
  reason: string;
  channelId: string | null;
  participants: Array<{ slackUserId: string; interviewsFirst: boolean }>;
}

export async function findSessionForIntro(db: Database, sessionId: string): Promise<SessionForIntro | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { participants: { include: { member: { select: { slackUserId: true } } } } },
  });
  if (!session) return null;
  return {
    id: session.id,
    workspaceId: session.workspaceId,
    interviewType: session.interviewType,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    reason: session.reason,
    channelId: session.channelId,
    participants: session.participants.map((participant) => ({
      slackUserId: participant.member.slackUserId,
      interviewsFirst: participant.interviewsFirst,
    })),
  };
}

/** Marks the intro as posted in `channelId` (the pair's group DM). */
export async function recordSessionChannel(
  db: Database,
  sessionId: string,
  channelId: string,
): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { channelId } });
}
