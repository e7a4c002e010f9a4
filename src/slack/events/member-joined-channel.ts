import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { enqueueJob } from '../../queue/job-request.ts';
import { queueFollowUps } from '../../workflows/outbox.ts';
import { errorSummary } from '../respond-safely.ts';

type EventArgs = SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs;

const joinedSchema = z.object({
  team_id: z.string().min(1),
  event_time: z.number().int().positive(),
  event: z.object({
    user: z.string().regex(/^[UW][A-Z0-9]+$/),
    channel: z.string().regex(/^[CG][A-Z0-9]+$/),
  }),
});

/**
 * Someone joined a channel the app is in. The welcome (jobs/welcome-channel-member.ts) decides
 * whether this join deserves one; here the join is only written to the outbox, so a Redis blip
 * delays the welcome instead of losing it, and the job's id (per person and channel) turns Slack's
 * retries and a quick rejoin into one welcome. Bots, the app itself included, are told apart
 * there too (users.info), so this listener reads nothing and answers Slack at once.
 */
export function memberJoinedChannel(deps: AppDeps) {
  return async ({ body }: EventArgs): Promise<void> => {
    const parsed = joinedSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn('bad member_joined_channel event');
      return;
    }
    const { team_id: slackTeamId, event_time: eventTime, event } = parsed.data;
    try {
      await queueFollowUps(deps.db, [
        enqueueJob('welcome-channel-member', {
          slackTeamId,
          channelId: event.channel,
          slackUserId: event.user,
          joinedAt: eventTime * 1000,
        }),
      ]);
    } catch (error) {
      // Nobody to answer: this member goes unwelcomed, which costs them a note, not a feature.
      deps.logger.error({ err: errorSummary(error) }, 'could not queue a channel welcome');
    }
  };
}
