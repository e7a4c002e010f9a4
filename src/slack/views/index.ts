import type { App } from '@slack/bolt';
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
import { submitAdminSettings } from './submit-admin-settings.ts';
import { submitDailySettings } from './submit-daily-settings.ts';
import { submitFeedback } from './submit-feedback.ts';
import { submitInterviewerRating } from './submit-interviewer-rating.ts';
import { submitProfileForm } from './submit-profile-form.ts';
import { submitQuestionForm } from './submit-question-form.ts';
import { submitQuestionImport } from './submit-question-import.ts';
import { submitRequestForm } from './submit-request-form.ts';
import { submitSessionBrief } from './submit-session-brief.ts';

export function register(app: App, deps: AppDeps): void {
  app.view(REQUEST_MODAL.callbackId, submitRequestForm(deps));
  app.view(PROFILE_MODAL.callbackId, submitProfileForm(deps));
  app.view(DAILY_SETTINGS_MODAL.callbackId, submitDailySettings(deps));
  app.view(FEEDBACK_MODAL.callbackId, submitFeedback(deps));
  app.view(INTERVIEWER_RATING_MODAL.callbackId, submitInterviewerRating(deps));
  app.view(SESSION_BRIEF.callbackId, submitSessionBrief(deps));
  app.view(ADMIN_SETTINGS_MODAL.callbackId, submitAdminSettings(deps));
  app.view(QUESTION_FORM_MODAL.callbackId, submitQuestionForm(deps));
  app.view(QUESTION_IMPORT_MODAL.callbackId, submitQuestionImport(deps));
}
