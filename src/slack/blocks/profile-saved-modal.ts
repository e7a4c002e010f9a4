import type { ModalView } from '@slack/types';
import type { MemberProfile } from '../../store/members.ts';
import { profileMessage } from './profile-message.ts';

/** The profile modal after a save: what is now stored, and what the change does not touch. */
export function profileSavedModal(
  profile: MemberProfile,
  blockedCount: number,
  openRequestZone: string | null,
): ModalView {
  const notes = [
    blockedCount > 0
      ? `You will not be matched with the ${blockedCount === 1 ? 'person' : `${blockedCount} people`} you listed.`
      : '',
    openRequestZone && openRequestZone !== profile.timezone
      ? `Your open request keeps the times you gave in ${openRequestZone}; ask again to use the new zone.`
      : '',
  ].filter(Boolean);
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Your profile' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: '*Saved.*' } },
      ...profileMessage(profile).blocks.slice(1),
      ...(notes.length > 0
        ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: notes.join(' ') }] }]
        : []),
    ],
  };
}
