import type { WebClient } from '@slack/web-api';
import { ensureMember, type MemberRef, recordSlackProfile } from '../../store/members.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { profileMessage } from '../blocks/profile-message.ts';
import { fetchSlackTimezone } from '../gateway.ts';
import type { SlackDeps } from '../slack-deps.ts';

const PROFILE_REFRESH_AFTER_MS = 24 * 3600 * 1000;

/** `/mock profile`: the settings Mockingbird holds for the member. */
export async function showProfile(deps: SlackDeps, client: WebClient, ref: MemberRef): Promise<SlackMessage> {
  let profile = await ensureMember(deps.db, ref);
  if (profile.profileSyncedAt === null) {
    // The member is waiting for their profile, so the first read of Slack's timezone is inline.
    const timezone = await fetchSlackTimezone(client, ref.slackUserId);
    await recordSlackProfile(deps.db, ref, { timezone }, deps.now());
    profile = await ensureMember(deps.db, ref);
  } else if (deps.now().getTime() - profile.profileSyncedAt.getTime() > PROFILE_REFRESH_AFTER_MS) {
    // People travel; refresh in the background rather than making them wait.
    await deps.queues.enqueue('refresh-member-profile', ref);
  }
  return profileMessage(profile);
}
