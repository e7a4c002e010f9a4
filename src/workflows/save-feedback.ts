import type { AppDeps } from '../app-deps.ts';
import type { FeedbackValue } from '../domain/feedback/feedback-form.ts';
import { enqueueJob, type OutboxEntry } from '../queue/job-request.ts';
import { type SavedFeedback, saveFeedback } from '../store/feedback.ts';
import { writeFollowUps } from './outbox.ts';

/**
 * Saves a member's feedback with its follow-ups in the same transaction: a reveal as soon as both
 * have written, one at the deadline either way, and the author's Home tab.
 */
export async function saveFeedbackAndFollowUps(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { sessionId: string; slackUserId: string; value: FeedbackValue; appLink: { appId?: string } },
): Promise<SavedFeedback> {
  return saveFeedback(
    deps.db,
    { sessionId: input.sessionId, slackUserId: input.slackUserId, value: input.value, now: deps.now() },
    (tx, saved) => writeFollowUps(tx, feedbackFollowUps(saved, input.appLink)),
  );
}

function feedbackFollowUps(
  saved: Extract<SavedFeedback, { kind: 'saved' }>,
  link: { appId?: string },
): OutboxEntry[] {
  const sessionId = saved.session.id;
  const bothGiven = saved.submitted >= saved.expected;
  return [
    ...(bothGiven ? [enqueueJob('feedback-reveal', { sessionId, reason: 'complete', ...link })] : []),
    enqueueJob('feedback-reveal', { sessionId, reason: 'deadline', ...link }, saved.deadline),
    enqueueJob('publish-home', { memberId: saved.feedback.authorId }),
    // A correction after the reveal redraws the partner's copy, marked edited.
    ...(saved.corrected && saved.feedback.editedAt
      ? [
          enqueueJob('feedback-correction', {
            feedbackId: saved.feedback.id,
            editedAt: saved.feedback.editedAt,
          }),
        ]
      : []),
  ];
}
