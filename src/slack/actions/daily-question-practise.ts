import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { LEVELS, type Level } from '../../domain/matching/types.ts';
import { ensureMember } from '../../store/members.ts';
import { findQuestionForTeam } from '../../store/question-bank.ts';
import { openRequestForm } from '../forms/request-form.ts';
import { respondSafely } from '../respond-safely.ts';
import {
  dailyQuestionActionSchema,
  QUESTION_GONE,
  questionIdOf,
  teamIdOf,
} from './daily-question-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "Practise this with a partner" on the daily post: the request modal, with the question's type
 * picked and a level it is written for (the member's own when it is one of them).
 */
export function practiseDailyQuestion(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    await respondSafely(respond, deps.logger, async () => {
      const payload = dailyQuestionActionSchema.parse(body);
      const questionId = questionIdOf(payload);
      const question = questionId ? await findQuestionForTeam(deps.db, questionId, teamIdOf(payload)) : null;
      if (!question) return { text: QUESTION_GONE, blocks: [] };
      const ref = {
        slackTeamId: teamIdOf(payload),
        slackUserId: payload.user.id,
      };
      const member = await ensureMember(deps.db, ref);
      const own = LEVELS.find((level) => level === member.level);
      const level: Level = own && question.levels.includes(own) ? own : (question.levels[0] ?? 'PM');
      return openRequestForm(deps, client, ref, payload.trigger_id, {
        interviewTypes: [question.type],
        level,
      });
    });
  };
}
