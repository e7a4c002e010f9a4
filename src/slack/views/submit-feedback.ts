import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { type FeedbackFormField, readFeedbackForm } from '../../domain/feedback/feedback-form.ts';
import { metrics } from '../../observability/metrics.ts';
import { findFeedbackSession } from '../../store/feedback.ts';
import { rubricFor } from '../../store/rubrics.ts';
import { saveFeedbackAndFollowUps } from '../../workflows/save-feedback.ts';
import { FEEDBACK_MODAL, feedbackBlockId } from '../blocks/feedback-modal.ts';
import { feedbackClosedModal, feedbackSavedModal, noticeModal } from '../blocks/feedback-notice-modal.ts';
import { feedbackFormValues } from './feedback-form-values.ts';
import { inlineError, saveFailedMessage, UNREADABLE_FORM } from './form-answers.ts';
import { viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  api_app_id: z.string().optional(),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({ state: viewStateSchema, private_metadata: z.string() }),
});

const metadataSchema = z.object({ sessionId: z.uuid() });

function readMetadata(text: string): { sessionId: string } | null {
  try {
    return metadataSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Where a problem that belongs to no single field is shown: a block every feedback form has. */
const GENERAL_BLOCK = FEEDBACK_MODAL.blocks.strengths;

/**
 * The feedback modal's submit. Checked against the rubric of the session's type (not whatever the
 * form claims), with every problem shown next to its field and everything typed kept. Saved before
 * the acknowledgement as one row per (session, author), so a double click or a retried request
 * edits that row instead of adding a second; the reveal and the Home refresh are queued before the
 * ack too, and are idempotent by their job ids.
 */
export function submitFeedback(deps: AppDeps) {
  return async ({ ack, body }: ViewArgs): Promise<void> => {
    const submission = submissionSchema.safeParse(body);
    const metadata = submission.success ? readMetadata(submission.data.view.private_metadata) : null;
    if (!submission.success || !metadata) {
      deps.logger.warn('bad feedback form');
      await ack(inlineError(GENERAL_BLOCK, UNREADABLE_FORM));
      return;
    }
    const { user, view, api_app_id: appId } = submission.data;

    try {
      const session = await findFeedbackSession(deps.db, metadata.sessionId);
      const rubric = session ? await rubricFor(session.interviewType) : undefined;
      if (!session || !rubric) {
        await ack({
          response_action: 'update',
          view: noticeModal(
            'Session feedback',
            'This session is no longer on record, so feedback cannot be saved.',
          ),
        });
        return;
      }
      const form = readFeedbackForm(feedbackFormValues(view.state, rubric.dimensions), rubric.dimensions);
      if (!form.ok) {
        await ack({ response_action: 'errors', errors: toBlockErrors(form.errors) });
        return;
      }
      const link = appId && /^A[A-Z0-9]+$/.test(appId) ? { appId } : {};
      const saved = await saveFeedbackAndFollowUps(deps, {
        sessionId: session.id,
        slackUserId: user.id,
        value: form.value,
        appLink: link,
      });
      if (saved.kind === 'not-a-participant') {
        await ack({
          response_action: 'update',
          view: noticeModal('Session feedback', 'Only the two people in a session can give feedback on it.'),
        });
        return;
      }
      if (saved.kind === 'not-your-round') {
        await ack({
          response_action: 'update',
          view: noticeModal(
            'Session feedback',
            'In this session you were the one interviewed, so there is no rubric for you to fill in. Use *Rate your interviewer* in your DM to tell Mockingbird, privately, how the interview went.',
          ),
        });
        return;
      }
      if (saved.kind === 'closed') {
        await ack({ response_action: 'update', view: feedbackClosedModal(saved.reason) });
        return;
      }

      metrics.feedbackStored.inc();
      const bothGiven = saved.submitted >= saved.expected;
      await ack({
        response_action: 'update',
        view: feedbackSavedModal({
          partnerSlackUserId: saved.partner.slackUserId,
          created: saved.created,
          bothGiven,
          deadline: saved.deadline,
          editableUntil: saved.editableUntil,
          corrected: saved.corrected,
        }),
      });
    } catch (error) {
      await ack(inlineError(GENERAL_BLOCK, saveFailedMessage(deps.logger, error, 'feedback')));
    }
  };
}

function toBlockErrors(errors: Partial<Record<FeedbackFormField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([field, message]) => [feedbackBlockId(field as FeedbackFormField), message]),
  );
}
