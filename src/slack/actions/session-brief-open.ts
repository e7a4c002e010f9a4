import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { findBriefContext } from '../../store/session-briefs.ts';
import { sessionBriefModal } from '../blocks/session-brief.ts';
import { openModal } from '../modal-calls.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerFor, buttonPressSchema } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Brief your interviewer" in the pair's DM: opens the brief for the presser, prefilled. */
export function openSessionBriefButton(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) return;
    const { user, trigger_id: triggerId, actions } = press.data;
    respondSafely(answerFor(respond, client, triggerId), deps.logger, async () => {
      const sessionId = z.uuid().safeParse(actions[0]!.value);
      const context = sessionId.success ? await findBriefContext(deps.db, sessionId.data, user.id) : null;
      if (!context)
        return {
          text: 'This session belongs to someone else, so there is no brief for you to give.',
          blocks: [],
        };
      if (!context.interviewer) {
        return {
          text: 'In this session you ask the questions, so there is no brief for you to give.',
          blocks: [],
        };
      }
      if (context.status !== 'PROPOSED' && context.status !== 'CONFIRMED') {
        return { text: 'This session is already over or cancelled.', blocks: [] };
      }
      await openModal(
        client,
        triggerId,
        sessionBriefModal({
          sessionId: context.sessionId,
          interviewerSlackUserId: context.interviewer.slackUserId,
          defaultLevel: context.interviewee.level,
          brief: context.interviewee.brief,
        }),
      );
      return null;
    });
  };
}
