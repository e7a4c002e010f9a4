import type { ExportSession } from '../domain/export/session-export.ts';
import type { Database } from './prisma.ts';

/**
 * The workspace's sessions that start in [from, to), earliest first, as the organizer export
 * needs them. Feedback is read as its authors only: the query never selects a form's text, ratings
 * or organizer note, so they cannot reach the file by mistake.
 */
export async function listSessionsForExport(
  db: Database,
  workspaceId: string,
  range: { from: number; to: number },
): Promise<ExportSession[]> {
  const rows = await db.session.findMany({
    where: { workspaceId, startsAt: { gte: new Date(range.from), lt: new Date(range.to) } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      interviewType: true,
      status: true,
      cancelledById: true,
      feedback: { select: { authorId: true } },
      participants: {
        select: {
          memberId: true,
          interviewsFirst: true,
          confirmedAt: true,
          noShow: true,
          lateCancel: true,
          member: { select: { slackUserId: true } },
          request: { select: { role: true, level: true } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.startsAt.getTime(),
    durationMinutes: row.durationMinutes,
    interviewType: row.interviewType,
    status: row.status,
    cancelledById: row.cancelledById,
    feedbackAuthorIds: row.feedback.map((form) => form.authorId),
    participants: row.participants.map((participant) => ({
      memberId: participant.memberId,
      slackUserId: participant.member.slackUserId,
      interviewsFirst: participant.interviewsFirst,
      role: participant.request.role,
      level: participant.request.level,
      confirmedAt: participant.confirmedAt?.getTime() ?? null,
      noShow: participant.noShow,
      lateCancel: participant.lateCancel,
    })),
  }));
}
