import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../app-deps.ts';
import { feedbackDuties } from '../domain/feedback/feedback-duties.ts';
import { interviewTypeLabel } from '../domain/interview-types.ts';
import { findFeedbackSession } from '../store/feedback.ts';
import { findOwnInterviewerRating } from '../store/interviewer-ratings.ts';
import type { SlackMessage } from './blocks/help-message.ts';
import { interviewerRatingModal } from './blocks/interviewer-rating-modal.ts';
import { openModal } from './modal-calls.ts';

/**
 * Opens "Rate your interviewer" for the member, prefilled with what they rated before; answers in
 * words when there is nobody for them to rate (they interviewed and were not interviewed) or the
 * session is not over. Shared by its own button and by "Give feedback" for a one-way interviewee.
 */
export async function openInterviewerRating(
  deps: Pick<AppDeps, 'db'>,
  client: WebClient,
  triggerId: string,
  sessionId: string,
  slackUserId: string,
): Promise<SlackMessage | null> {
  const session = await findFeedbackSession(deps.db, sessionId);
  const rater = session?.participants.find((p) => p.slackUserId === slackUserId);
  const interviewer = session?.participants.find((p) => p.slackUserId !== slackUserId);
  if (
    !session ||
    !rater ||
    !interviewer ||
    !feedbackDuties(session.participants, rater.memberId).ratesInterviewer
  ) {
    return { text: 'There is no interviewer of yours to rate in this session.', blocks: [] };
  }
  if (session.status !== 'COMPLETED' || session.noShow) {
    return { text: 'You can rate your interviewer once the session is over.', blocks: [] };
  }
  const existing = await findOwnInterviewerRating(deps.db, session.id, rater.memberId);
  await openModal(
    client,
    triggerId,
    interviewerRatingModal({
      sessionId: session.id,
      interviewerSlackUserId: interviewer.slackUserId,
      typeLabel: interviewTypeLabel(session.interviewType),
      existing,
    }),
  );
  return null;
}
