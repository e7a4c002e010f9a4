/** Turns a call's arguments into workspace objects, failing the way Slack fails. */
import { SlackApiError } from '../slack-api-error.ts';
import type { Json, SlackMessage } from '../types.ts';
import { describeChannel, resolveConversation } from '../workspace/channels.ts';
import { findMessage } from '../workspace/messages.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { stringArg } from './method.ts';

export function requireUser(workspace: Workspace, args: Json, field: string): string {
  const userId = stringArg(args, field);
  if (!userId || workspace.world.removedUsers.has(userId)) throw new SlackApiError('user_not_found');
  return userId;
}

export function requireChannel(workspace: Workspace, args: Json, field = 'channel'): string {
  const id = stringArg(args, field);
  if (!id || workspace.world.removedChannels.has(id)) throw new SlackApiError('channel_not_found');
  return id;
}

/** The conversation named by `channel` (a user id means the DM), as a message may be sent to it. */
export function conversationArg(workspace: Workspace, args: Json): string {
  return resolveConversation(workspace, requireChannel(workspace, args));
}

/** Like `conversationArg`, but the conversation must also take new messages. */
export function postableChannel(workspace: Workspace, args: Json): string {
  const channel = conversationArg(workspace, args);
  if (workspace.world.removedChannels.has(channel)) throw new SlackApiError('channel_not_found');
  if (describeChannel(workspace, channel).is_archived) throw new SlackApiError('is_archived');
  return channel;
}

/**
 * The message at `ts`, or undefined when the fake never saw it posted (a ts from a hand-built
 * payload); a missing ts or a deleted message answers `message_not_found`.
 */
export function storedMessage(
  workspace: Workspace,
  channel: string,
  ts: string | undefined,
): SlackMessage | undefined {
  if (!ts) throw new SlackApiError('message_not_found');
  const found = findMessage(workspace, channel, ts);
  if (found?.deleted) throw new SlackApiError('message_not_found');
  return found;
}
