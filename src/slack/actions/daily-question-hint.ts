import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { findQuestionForTeam } from '../../store/question-bank.ts';
import { rubricFor } from '../../store/rubrics.ts';
import { dailyHintMessage } from '../blocks/daily-question.ts';
import { respondSafely } from '../respond-safely.ts';
import {
  dailyQuestionActionSchema,
  QUESTION_GONE,
  questionIdOf,
  teamIdOf,
} from './daily-question-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Hint" on the daily post: the framework that fits, for the presser's eyes only (response_url). */
export function hintDailyQuestion(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const payload = dailyQuestionActionSchema.parse(body);
      const questionId = questionIdOf(payload);
      const question = questionId ? await findQuestionForTeam(deps.db, questionId, teamIdOf(payload)) : null;
      if (!question) return { text: QUESTION_GONE, blocks: [] };
      const rubric = await rubricFor(question.type);
      return dailyHintMessage(question, rubric?.framework ?? null);
    });
  };
}
