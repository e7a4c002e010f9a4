import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { blockedSlackUsers } from '../../store/member-blocks.ts';
import type { MemberRef } from '../../store/members.ts';
import { profileModal } from '../blocks/profile-modal.ts';
import { openModal } from '../modal-calls.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/** `/mock profile`: the settings Mockingbird holds for the member, in a modal to change them. */
export async function openProfileForm(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  triggerId: string,
): Promise<null> {
  const profile = await ensureSyncedMember(deps, client, ref);
  const blockedUsers = await blockedSlackUsers(deps.db, profile.id);
  const view = profileModal({
    profile,
    blockedUsers,
    now: deps.now().getTime(),
  });
  await openModal(client, triggerId, view);
  return null;
}
