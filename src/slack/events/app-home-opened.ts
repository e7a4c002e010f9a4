import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { publishHome } from '../home/publish-home.ts';
import { errorSummary } from '../respond-safely.ts';

type EventArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

const homeOpenedSchema = z.object({
  team_id: z.string().min(1),
  event: z.object({ user: z.string().min(1), tab: z.string().optional() }),
});

/**
 * The member opened the app: draw their Home tab. Bolt has acknowledged the event already; Slack
 * also sends this event for the Messages tab, which needs nothing, and may retry it, which only
 * publishes the same tab again.
 */
export function appHomeOpened(deps: AppDeps) {
  return async ({ body, client }: EventArgs): Promise<void> => {
    const parsed = homeOpenedSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn('bad app_home_opened event');
      return;
    }
    const { team_id: slackTeamId, event } = parsed.data;
    if (event.tab !== undefined && event.tab !== 'home') return;
    try {
      await publishHome(deps, client, { slackTeamId, slackUserId: event.user });
    } catch (error) {
      // Nobody to answer: the tab keeps its last version, and the next open tries again.
      deps.logger.error({ err: errorSummary(error) }, 'could not publish a Home tab');
    }
  };
}
