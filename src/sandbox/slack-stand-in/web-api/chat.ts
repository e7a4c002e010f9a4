/**
 * chat.*: messages are stored so that a later update, delete or permalink sees them; a ts the fake
 * never issued (from a hand-built payload) is adopted rather than refused.
 */
import { LIMITS } from '../limits.ts';
import { SlackApiError } from '../slack-api-error.ts';
import type { Json, SlackMessage } from '../types.ts';
import { botMessage, storeMessage } from '../workspace/messages.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { conversationArg, postableChannel, requireUser, storedMessage } from './lookups.ts';
import { type MethodEnv, type MethodTable, stringArg } from './method.ts';

export function chatMethods({ workspace }: MethodEnv): MethodTable {
  const { identity } = workspace;
  // The message named by `channel` and `ts`; one the fake never saw posted is adopted.
  const targetMessage = (args: Json): { channel: string; stored: SlackMessage } => {
    const channel = conversationArg(workspace, args);
    const ts = stringArg(args, 'ts');
    const stored =
      storedMessage(workspace, channel, ts) ??
      storeMessage(workspace, botMessage(identity, channel, ts!, ''));
    return { channel, stored };
  };
  return [
    [
      'chat.postMessage',
      {
        auth: 'token',
        run: ({ args }) => {
          const channel = postableChannel(workspace, args);
          checkMessageContent(args);
          const message = postMessage(workspace, channel, args);
          return { ok: true, channel, ts: message.ts, message: publicMessage(message) };
        },
      },
    ],
    [
      'chat.postEphemeral',
      {
        auth: 'token',
        run: ({ args }) => {
          postableChannel(workspace, args);
          requireUser(workspace, args, 'user');
          checkMessageContent(args);
          return { ok: true, message_ts: workspace.nextTs() };
        },
      },
    ],
    [
      'chat.update',
      {
        auth: 'token',
        run: ({ args }) => {
          const { channel, stored } = targetMessage(args);
          if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
            throw new SlackApiError('no_text');
          }
          checkMessageContent({ text: 'x', ...args });
          if (args.text !== undefined) stored.text = stringArg(args, 'text') ?? '';
          if (args.blocks !== undefined) stored.blocks = args.blocks;
          if (args.attachments !== undefined) stored.attachments = args.attachments;
          stored.edited = { user: identity.botUserId, ts: workspace.nextTs() };
          return { ok: true, channel, ts: stored.ts, text: stored.text, message: publicMessage(stored) };
        },
      },
    ],
    [
      'chat.delete',
      {
        auth: 'token',
        run: ({ args }) => {
          const { channel, stored } = targetMessage(args);
          stored.deleted = true;
          return { ok: true, channel, ts: stored.ts };
        },
      },
    ],
    [
      'chat.getPermalink',
      {
        auth: 'token',
        run: ({ args }) => {
          const channel = conversationArg(workspace, args);
          const ts = stringArg(args, 'message_ts');
          storedMessage(workspace, channel, ts);
          return {
            ok: true,
            channel,
            permalink: `https://${identity.teamDomain}.slack.com/archives/${channel}/p${ts!.replace('.', '')}`,
          };
        },
      },
    ],
    [
      'chat.scheduleMessage',
      {
        auth: 'token',
        run: ({ args }) => {
          const channel = postableChannel(workspace, args);
          const postAt = Number(stringArg(args, 'post_at'));
          if (!Number.isFinite(postAt)) throw new SlackApiError('invalid_time');
          const now = identity.now() / 1000;
          if (postAt <= now) throw new SlackApiError('time_in_past');
          if (postAt > now + LIMITS.scheduleHorizonDays * 86_400) throw new SlackApiError('time_too_far');
          checkMessageContent(args);
          return {
            ok: true,
            channel,
            scheduled_message_id: workspace.nextId('Q'),
            post_at: String(Math.floor(postAt)),
            message: {
              type: 'message',
              text: stringArg(args, 'text') ?? '',
              ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
              user: identity.botUserId,
              bot_id: identity.botId,
              team: identity.teamId,
            },
          };
        },
      },
    ],
  ];
}

function postMessage(workspace: Workspace, channel: string, args: Json): SlackMessage {
  const { identity } = workspace;
  const message = botMessage(identity, channel, workspace.nextTs(), stringArg(args, 'text') ?? '');
  if (args.blocks !== undefined) message.blocks = args.blocks;
  if (args.attachments !== undefined) message.attachments = args.attachments;
  if (args.metadata !== undefined) message.metadata = args.metadata;
  const threadTs = stringArg(args, 'thread_ts');
  if (threadTs) {
    message.thread_ts = threadTs;
    message.parent_user_id = identity.botUserId;
  }
  return storeMessage(workspace, message);
}

function publicMessage(message: SlackMessage): Json {
  const { channel: _channel, deleted: _deleted, ...rest } = message;
  return structuredClone(rest);
}

function checkMessageContent(args: Json): void {
  const blocks = args.blocks;
  if (typeof blocks === 'string') throw new SlackApiError('invalid_blocks_format');
  if (Array.isArray(blocks) && blocks.length > LIMITS.messageBlocks) {
    throw new SlackApiError('invalid_blocks', {
      response_metadata: {
        messages: [`[ERROR] no more than ${LIMITS.messageBlocks} items allowed [json-pointer:/blocks]`],
      },
    });
  }
  const text = stringArg(args, 'text') ?? '';
  if (text.length > LIMITS.messageText) throw new SlackApiError('msg_too_long');
  if (!text && !Array.isArray(blocks) && args.attachments === undefined) throw new SlackApiError('no_text');
}
