import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import type { MemberRef } from '../../store/members.ts';
import { homeView } from '../blocks/home-view.ts';
import { checkOrganizer } from '../organizers.ts';
import type { SlackOutbound } from '../outbound/slack-outbound.ts';
import { errorSummary } from '../respond-safely.ts';
import { ensureSyncedMember } from '../synced-member.ts';
import { loadHome } from './load-home.ts';

/**
 * Draws the member's Home tab from what is stored now and publishes it through the gateway (a 429
 * is waited out or deferred like any send). Run by the publish-home job, when the member opens the
 * tab and after a change. The whole tab is redrawn each time, so publishing twice is harmless.
 */
export async function publishHome(
  deps: AppDeps,
  slack: { client: WebClient; outbound: Pick<SlackOutbound, 'call'> },
  ref: MemberRef,
): Promise<void> {
  const member = await ensureSyncedMember(deps, slack.client, ref);
  const organizer = await isOrganizer(deps, slack.client, ref);
  const input = await loadHome(deps.db, member, { now: deps.now(), organizer });
  await slack.outbound.call('views.publish', (client) =>
    client.views.publish({ user_id: ref.slackUserId, view: homeView(input) }),
  );
}

/** The community section is a bonus: a failed check shows the member's own tab rather than none. */
async function isOrganizer(deps: AppDeps, client: WebClient, ref: MemberRef): Promise<boolean> {
  try {
    const settings = { db: deps.db, slackTeamId: ref.slackTeamId };
    return (await checkOrganizer(deps.config, client, ref.slackUserId, settings)).allowed;
  } catch (error) {
    deps.logger.warn({ err: errorSummary(error) }, 'could not check whether a member is an organizer');
    return false;
  }
}
