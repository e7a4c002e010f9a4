import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { findQuestionForTeam } from '../../store/question-bank.ts';
import { openQuestionPracticeForm } from '../forms/question-practice-form.ts';
import { respondSafely } from '../respond-safely.ts';
import {
  dailyQuestionActionSchema,
  QUESTION_GONE,
  questionIdOf,
  teamIdOf,
} from './daily-question-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Practise this with a partner" on the daily post: the request modal for that question. */
export function practiseDailyQuestion(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const payload = dailyQuestionActionSchema.parse(body);
      const questionId = questionIdOf(payload);
      const question = questionId ? await findQuestionForTeam(deps.db, questionId, teamIdOf(payload)) : null;
      if (!question) return { text: QUESTION_GONE, blocks: [] };
      const ref = { slackTeamId: teamIdOf(payload), slackUserId: payload.user.id };
      return openQuestionPracticeForm(deps, client, ref, payload.trigger_id, question);
    });
  };
}
