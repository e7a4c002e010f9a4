import { isWelcomedAccount, welcomeRefusal } from '../src/domain/channel-welcome.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { channelWelcomeMessage } from '../src/slack/blocks/channel-welcome.ts';
import { SlackPermanentError } from '../src/slack/outbound/slack-error-kind.ts';
import { readSlackUser } from '../src/slack/slack-users.ts';
import { findWelcomeSettings } from '../src/store/channel-welcome.ts';
import type { JobContext } from './job-context.ts';

/**
 * Someone joined a channel the app is in: if it is the practice channel and the workspace wants
 * it, they get a private welcome there. Decided here, when the job runs, so an organizer who turns
 * the welcome off or moves the daily question meanwhile is obeyed. users.info is asked only once
 * the cheap checks pass, since the app hears of every join in every conversation it is in.
 */
export async function welcomeChannelMember(
  payload: JobPayload<'welcome-channel-member'>,
  context: JobContext,
): Promise<void> {
  const { slackTeamId, channelId, slackUserId } = payload;
  const settings = await findWelcomeSettings(context.db, slackTeamId);
  const refusal = welcomeRefusal(
    { channelId, slackUserId, joinedAt: payload.joinedAt },
    settings,
    context.now().getTime(),
  );
  if (refusal) {
    if (refusal === 'too-late') context.logger.info({ channelId }, 'channel welcome dropped: too late');
    return;
  }
  const scoped = await context.inTeam(slackTeamId);
  try {
    const account = await scoped.outbound.call('users.info', (client) => readSlackUser(client, slackUserId));
    if (!isWelcomedAccount(slackUserId, account)) return;
    await scoped.outbound.postEphemeral({
      channel: channelId,
      user: slackUserId,
      ...channelWelcomeMessage(channelId),
    });
  } catch (error) {
    // They left again, or the channel went (archived, the app removed): nobody to welcome.
    if (!(error instanceof SlackPermanentError)) throw error;
    context.logger.info({ channelId, code: error.code }, 'channel welcome cannot be delivered; skipped');
  }
}
