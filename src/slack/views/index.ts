import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { ADMIN_SETTINGS_MODAL } from '../blocks/admin-settings-modal.ts';
import { DAILY_SETTINGS_MODAL } from '../blocks/daily-settings-modal.ts';
import { FEEDBACK_MODAL } from '../blocks/feedback-modal.ts';
import { INTERVIEWER_RATING_MODAL } from '../blocks/interviewer-rating-modal.ts';
import { PROFILE_MODAL } from '../blocks/profile-modal.ts';
import { QUESTION_FORM_MODAL } from '../blocks/question-admin-form.ts';
import { QUESTION_IMPORT_MODAL } from '../blocks/question-admin-import.ts';
import { REQUEST_MODAL } from '../blocks/request-modal.ts';
import { SESSION_BRIEF } from '../blocks/session-brief.ts';
import { routeBy } from '../listener-routes.ts';
import type { ListenersByKind } from '../listeners-by-kind.ts';
import { submitAdminSettings } from './submit-admin-settings.ts';
import { submitDailySettings } from './submit-daily-settings.ts';
import { submitFeedback } from './submit-feedback.ts';
import { submitInterviewerRating } from './submit-interviewer-rating.ts';
import { submitProfileForm } from './submit-profile-form.ts';
import { submitQuestionForm } from './submit-question-form.ts';
import { submitQuestionImport } from './submit-question-import.ts';
import { submitRequestForm } from './submit-request-form.ts';
import { submitSessionBrief } from './submit-session-brief.ts';

type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Modal submissions, routed by callback_id (listener-routes.ts says why one listener serves them
 * all); each listener is one file in this folder.
 */
export function submissionListener(deps: AppDeps): ListenersByKind['viewSubmission'] {
  const modals: Array<[string, (args: SubmissionArgs) => Promise<void>]> = [
    [REQUEST_MODAL.callbackId, submitRequestForm(deps)],
    [PROFILE_MODAL.callbackId, submitProfileForm(deps)],
    [DAILY_SETTINGS_MODAL.callbackId, submitDailySettings(deps)],
    [FEEDBACK_MODAL.callbackId, submitFeedback(deps)],
    [INTERVIEWER_RATING_MODAL.callbackId, submitInterviewerRating(deps)],
    [SESSION_BRIEF.callbackId, submitSessionBrief(deps)],
    [ADMIN_SETTINGS_MODAL.callbackId, submitAdminSettings(deps)],
    [QUESTION_FORM_MODAL.callbackId, submitQuestionForm(deps)],
    [QUESTION_IMPORT_MODAL.callbackId, submitQuestionImport(deps)],
  ];
  return routeBy((args: SubmissionArgs) => args.view.callback_id, modals);
}
