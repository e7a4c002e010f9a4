import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { openInterviewerRating } from '../open-interviewer-rating.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerFor, buttonPressSchema } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Rate your interviewer" on the check-in message: the interviewee's private rating. */
export function openInterviewerRatingButton(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) return;
    const { user, trigger_id: triggerId, actions } = press.data;
    respondSafely(answerFor(respond, client, triggerId), deps.logger, async () => {
      const sessionId = z.uuid().safeParse(actions[0]!.value);
      if (!sessionId.success)
        return { text: 'That button belongs to a session Mockingbird cannot find.', blocks: [] };
      return openInterviewerRating(deps, client, triggerId, sessionId.data, user.id);
    });
  };
}
