/**
 * Conversations as conversations.info describes them: public channels, private groups, DMs and
 * group DMs, told apart by their id's first letter unless a patch says otherwise.
 */
import { createHash } from 'node:crypto';
import type { ChannelPatch, SlackChannel } from '../types.ts';
import type { Workspace } from './workspace.ts';

/** The conversation as conversations.info would describe it now. */
export function describeChannel(workspace: Workspace, channelId: string): SlackChannel {
  const { dms, joined, channelPatches } = workspace.world;
  const dm = [...dms.values()].find((candidate) => candidate.id === channelId);
  const base = defaultChannel(channelId, workspace.identity.botUserId, dm?.users);
  const member = joined.has(channelId);
  return { ...base, ...(member ? { is_member: true } : {}), ...channelPatches.get(channelId) };
}

/** Changes a conversation, e.g. `{ is_archived: true }` so that posting answers `is_archived`. */
export function setChannel(workspace: Workspace, channelId: string, patch: ChannelPatch): SlackChannel {
  const { channelPatches, removedChannels } = workspace.world;
  const { id: _id, ...fields } = patch;
  channelPatches.set(channelId, { ...channelPatches.get(channelId), ...fields });
  removedChannels.delete(channelId);
  return describeChannel(workspace, channelId);
}

/** After this, calls naming the channel answer `channel_not_found`. */
export function removeChannel(workspace: Workspace, channelId: string): void {
  workspace.world.removedChannels.add(channelId);
}

/** Posting to a user id lands in the bot's DM with that user, as Slack does. */
export function resolveConversation(workspace: Workspace, id: string): string {
  return /^[UW]/.test(id) ? openDm(workspace, [id]).id : id;
}

/** The DM (one user) or group DM (several) with these people: the same one every time. */
export function openDm(
  workspace: Workspace,
  users: string[],
): { id: string; users: string[]; existed: boolean } {
  const { dms } = workspace.world;
  const key = [...new Set(users)].sort().join(',');
  const existing = dms.get(key);
  if (existing) return { ...existing, existed: true };
  const prefix = users.length === 1 ? 'D' : 'G';
  const id = `${prefix}${createHash('sha1').update(`${workspace.identity.teamId}:${key}`).digest('hex').slice(0, 10).toUpperCase()}`;
  const dm = { id, users: key.split(',') };
  dms.set(key, dm);
  return { ...dm, existed: false };
}

function defaultChannel(id: string, botUserId: string, dmUsers: string[] | undefined): SlackChannel {
  const created = 1_700_000_000;
  if (id.startsWith('D')) {
    return {
      id,
      is_channel: false,
      is_group: false,
      is_im: true,
      is_mpim: false,
      is_private: true,
      is_archived: false,
      is_general: false,
      is_member: true,
      created,
      user: dmUsers?.[0] ?? 'U0UNKNOWN',
      is_user_deleted: false,
    };
  }
  const isMpim = id.startsWith('G') && dmUsers !== undefined;
  const name = isMpim
    ? `mpdm-${[botUserId, ...dmUsers].map((u) => u.toLowerCase()).join('--')}-1`
    : `channel-${id.toLowerCase()}`;
  return {
    id,
    name,
    name_normalized: name,
    is_channel: id.startsWith('C'),
    is_group: id.startsWith('G') && !isMpim,
    is_im: false,
    is_mpim: isMpim,
    is_private: !id.startsWith('C'),
    is_archived: false,
    is_general: false,
    is_member: isMpim,
    created,
    creator: isMpim ? botUserId : 'U0CREATOR',
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}
