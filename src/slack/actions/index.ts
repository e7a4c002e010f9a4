import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { ADMIN_SETTINGS_ACTIONS } from '../blocks/admin-settings-modal.ts';
import { RESUME_MATCHING_ACTION } from '../blocks/auto-paused.ts';
import { DAILY_QUESTION_ACTIONS } from '../blocks/daily-question.ts';
import { FEEDBACK_ACTIONS } from '../blocks/feedback-labels.ts';
import { FORGET_ME_ACTION } from '../blocks/forget-me.ts';
import { HOME_ACTIONS } from '../blocks/home-view.ts';
import { INTERVIEWER_RATING_MODAL } from '../blocks/interviewer-rating-modal.ts';
import { questionFormModal } from '../blocks/question-admin-form.ts';
import { questionImportModal } from '../blocks/question-admin-import.ts';
import { QUESTION_ADMIN_ACTIONS } from '../blocks/question-admin-list.ts';
import { SESSION_ACTIONS } from '../blocks/session-actions.ts';
import { SESSION_BRIEF } from '../blocks/session-brief.ts';
import { WEEKLY_ACTIONS } from '../blocks/weekly-opt-in.ts';
import { routeBy } from '../listener-routes.ts';
import type { ListenersByKind } from '../listeners-by-kind.ts';
import { openDailySettingsButton } from './admin-daily-open.ts';
import { openAdminSettingsButton } from './admin-settings-open.ts';
import { hintDailyQuestion } from './daily-question-hint.ts';
import { practiseDailyQuestion } from './daily-question-practise.ts';
import { openFeedbackButton } from './feedback-open.ts';
import { forgetMeButton } from './forget-me.ts';
import { editProfileButton } from './home-edit-profile.ts';
import { findPartnerButton } from './home-find-partner.ts';
import { openInterviewerRatingButton } from './interviewer-rating-open.ts';
import { editQuestionButton } from './question-admin-edit.ts';
import { pageQuestionsButton } from './question-admin-page.ts';
import { pushQuestionForm } from './question-admin-push.ts';
import { retireQuestionButton } from './question-admin-retire.ts';
import { resumeMatchingButton } from './resume-matching.ts';
import { openSessionBriefButton } from './session-brief-open.ts';
import { cancelSessionButton } from './session-cancel.ts';
import { reportNoShowButton } from './session-no-show.ts';
import { pickSessionSlot } from './session-pick-slot.ts';
import { rescheduleSessionButton } from './session-reschedule.ts';
import { skipWeekButton } from './weekly-skip.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * Buttons and menus in messages and views, routed by action_id (listener-routes.ts says why one
 * listener serves them all); each listener is one file in this folder.
 */
export function buttonListener(deps: AppDeps): ListenersByKind['blockAction'] {
  const buttons: Array<[string, (args: ButtonArgs) => Promise<void>]> = [
    [SESSION_ACTIONS.pickSlot, pickSessionSlot(deps)],
    [SESSION_ACTIONS.cancel, cancelSessionButton(deps)],
    [SESSION_ACTIONS.reschedule, rescheduleSessionButton(deps)],
    [SESSION_ACTIONS.noShow, reportNoShowButton(deps)],
    [FORGET_ME_ACTION, forgetMeButton(deps)],
    [RESUME_MATCHING_ACTION, resumeMatchingButton(deps)],
    [DAILY_QUESTION_ACTIONS.practise, practiseDailyQuestion(deps)],
    [DAILY_QUESTION_ACTIONS.hint, hintDailyQuestion(deps)],
    [FEEDBACK_ACTIONS.open, openFeedbackButton(deps)],
    [INTERVIEWER_RATING_MODAL.openActionId, openInterviewerRatingButton(deps)],
    [SESSION_BRIEF.openActionId, openSessionBriefButton(deps)],
    [WEEKLY_ACTIONS.skip, skipWeekButton(deps)],
    [HOME_ACTIONS.findPartner, findPartnerButton(deps)],
    [HOME_ACTIONS.editProfile, editProfileButton(deps)],
    [ADMIN_SETTINGS_ACTIONS.open, openAdminSettingsButton(deps)],
    [ADMIN_SETTINGS_ACTIONS.openDaily, openDailySettingsButton(deps)],
    [QUESTION_ADMIN_ACTIONS.add, pushQuestionForm(deps, questionFormModal)],
    [QUESTION_ADMIN_ACTIONS.edit, editQuestionButton(deps)],
    [QUESTION_ADMIN_ACTIONS.retire, retireQuestionButton(deps, 'retire')],
    [QUESTION_ADMIN_ACTIONS.restore, retireQuestionButton(deps, 'restore')],
    [QUESTION_ADMIN_ACTIONS.page, pageQuestionsButton(deps)],
    [QUESTION_ADMIN_ACTIONS.import, pushQuestionForm(deps, questionImportModal)],
  ];
  return routeBy((args: ButtonArgs) => args.action.action_id, buttons);
}
