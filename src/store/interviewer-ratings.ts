import { feedbackDuties } from '../domain/feedback/feedback-duties.ts';
import type { InterviewerRatingValue } from '../domain/feedback/interviewer-rating.ts';
import { type FeedbackSession, findFeedbackSession } from './feedback.ts';
import type { Database, DbClient } from './prisma.ts';

export type SavedInterviewerRating =
  | { kind: 'saved'; created: boolean; session: FeedbackSession; interviewerSlackUserId: string }
  /** Not in the session, or never interviewed by the partner (a one-way interviewer). */
  | { kind: 'not-yours' }
  | { kind: 'not-over' };

/**
 * Saves (or corrects) a member's private rating of the partner who interviewed them. Only after
 * the session is done, only by someone the partner interviewed; never readable by the interviewer.
 */
export async function saveInterviewerRating(
  db: Database,
  input: { sessionId: string; slackUserId: string; value: InterviewerRatingValue },
): Promise<SavedInterviewerRating> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${input.sessionId}::uuid FOR UPDATE`;
    const session = await findFeedbackSession(tx, input.sessionId);
    const rater = session?.participants.find((p) => p.slackUserId === input.slackUserId);
    const interviewer = session?.participants.find((p) => p.slackUserId !== input.slackUserId);
    if (!session || !rater || !interviewer) return { kind: 'not-yours' };
    if (!feedbackDuties(session.participants, rater.memberId).ratesInterviewer) return { kind: 'not-yours' };
    if (session.status !== 'COMPLETED' || session.noShow) return { kind: 'not-over' };
    const where = { sessionId_raterId: { sessionId: session.id, raterId: rater.memberId } };
    const before = await tx.interviewerRating.findUnique({ where, select: { id: true } });
    await tx.interviewerRating.upsert({
      where,
      create: {
        sessionId: session.id,
        raterId: rater.memberId,
        interviewerId: interviewer.memberId,
        ...input.value,
      },
      update: input.value,
    });
    return {
      kind: 'saved',
      created: before === null,
      session,
      interviewerSlackUserId: interviewer.slackUserId,
    };
  });
}

/** What the member rated before, to prefill a correction. */
export async function findOwnInterviewerRating(
  db: DbClient,
  sessionId: string,
  raterId: string,
): Promise<InterviewerRatingValue | null> {
  return db.interviewerRating.findUnique({
    where: { sessionId_raterId: { sessionId, raterId } },
    select: { questionQuality: true, feedbackQuality: true },
  });
}
