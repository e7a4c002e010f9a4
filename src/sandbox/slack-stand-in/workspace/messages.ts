/** Messages the bot has posted, keyed by conversation and ts, kept (marked) after deletion. */
import type { SlackMessage } from '../types.ts';
import type { Identity, Workspace } from './workspace.ts';

/** A message as the bot posts it; the caller adds blocks, attachments or a thread. */
export function botMessage(identity: Identity, channel: string, ts: string, text: string): SlackMessage {
  return {
    type: 'message',
    channel,
    ts,
    text,
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    deleted: false,
  };
}

export function storeMessage(workspace: Workspace, message: SlackMessage): SlackMessage {
  workspace.world.messages.set(messageKey(message.channel, message.ts), message);
  return message;
}

/** The stored message itself (deleted or not), for a method to read or change. */
export function findMessage(workspace: Workspace, channel: string, ts: string): SlackMessage | undefined {
  return workspace.world.messages.get(messageKey(channel, ts));
}

/** Copies of the messages in a conversation that have not been deleted, oldest first. */
export function messagesIn(workspace: Workspace, channelId: string): SlackMessage[] {
  return [...workspace.world.messages.values()]
    .filter((message) => message.channel === channelId && !message.deleted)
    .map((message) => structuredClone(message));
}

function messageKey(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}
