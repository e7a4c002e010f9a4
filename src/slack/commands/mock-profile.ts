import type { WebClient } from '@slack/web-api';
import type { MemberRef } from '../../store/members.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { profileMessage } from '../blocks/profile-message.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/** `/mock profile`: the settings Mockingbird holds for the member. */
export async function showProfile(deps: SlackDeps, client: WebClient, ref: MemberRef): Promise<SlackMessage> {
  return profileMessage(await ensureSyncedMember(deps, client, ref));
}
