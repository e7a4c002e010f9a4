import type { App } from '@slack/bolt';
import { DAILY_QUESTION_ACTIONS } from '../blocks/daily-question.ts';
import { FEEDBACK_ACTIONS } from '../blocks/feedback-labels.ts';
import { FORGET_ME_ACTION } from '../blocks/forget-me.ts';
import { HOME_ACTIONS } from '../blocks/home-view.ts';
import { SESSION_ACTIONS } from '../blocks/session-actions.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { hintDailyQuestion } from './daily-question-hint.ts';
import { practiseDailyQuestion } from './daily-question-practise.ts';
import { openFeedbackButton } from './feedback-open.ts';
import { forgetMeButton } from './forget-me.ts';
import { editProfileButton } from './home-edit-profile.ts';
import { findPartnerButton } from './home-find-partner.ts';
import { cancelSessionButton } from './session-cancel.ts';
import { reportNoShowButton } from './session-no-show.ts';
import { pickSessionSlot } from './session-pick-slot.ts';
import { rescheduleSessionButton } from './session-reschedule.ts';

/** Buttons and menus in messages; each listener is one file in this folder. */
export function register(app: App, deps: SlackDeps): void {
  app.action(SESSION_ACTIONS.pickSlot, pickSessionSlot(deps));
  app.action(SESSION_ACTIONS.cancel, cancelSessionButton(deps));
  app.action(SESSION_ACTIONS.reschedule, rescheduleSessionButton(deps));
  app.action(SESSION_ACTIONS.noShow, reportNoShowButton(deps));
  app.action(FORGET_ME_ACTION, forgetMeButton(deps));
  app.action(DAILY_QUESTION_ACTIONS.practise, practiseDailyQuestion(deps));
  app.action(DAILY_QUESTION_ACTIONS.hint, hintDailyQuestion(deps));
  app.action(FEEDBACK_ACTIONS.open, openFeedbackButton(deps));
  app.action(HOME_ACTIONS.findPartner, findPartnerButton(deps));
  app.action(HOME_ACTIONS.editProfile, editProfileButton(deps));
}
