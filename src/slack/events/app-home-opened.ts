import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { enqueueJob } from '../../queue/job-request.ts';
import { ensureMember } from '../../store/members.ts';
import { queueFollowUps } from '../../workflows/outbox.ts';
import { errorSummary } from '../respond-safely.ts';

type EventArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

const homeOpenedSchema = z.object({
  team_id: z.string().min(1),
  event: z.object({ user: z.string().min(1), tab: z.string().optional() }),
});

/**
 * The member opened the app: their Home tab is redrawn by the publish-home job, which sends it
 * through the worker's gateway like every other message (and keeps the web role's event loop free).
 * Bolt has acknowledged the event already; Slack also sends this event for the Messages tab, which
 * needs nothing, and may retry it, which only publishes the same tab again.
 */
export function appHomeOpened(deps: AppDeps) {
  return async ({ body }: EventArgs): Promise<void> => {
    const parsed = homeOpenedSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn('bad app_home_opened event');
      return;
    }
    const { team_id: slackTeamId, event } = parsed.data;
    if (event.tab !== undefined && event.tab !== 'home') return;
    try {
      const member = await ensureMember(deps.db, { slackTeamId, slackUserId: event.user });
      await queueFollowUps(deps.db, [enqueueJob('publish-home', { memberId: member.id })]);
    } catch (error) {
      // Nobody to answer: the tab keeps its last version, and the next open tries again.
      deps.logger.error({ err: errorSummary(error) }, 'could not queue a Home tab');
    }
  };
}
