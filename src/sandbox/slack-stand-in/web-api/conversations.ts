/** conversations.open (DMs and group DMs), conversations.info, conversations.join and conversations.history. */
import { SlackApiError } from '../slack-api-error.ts';
import type { Json, SlackChannel, TokenInfo } from '../types.ts';
import { describeChannel, openDm } from '../workspace/channels.ts';
import { messagesIn } from '../workspace/messages.ts';
import { describeUser } from '../workspace/users.ts';
import { conversationArg, requireChannel } from './lookups.ts';
import { flagArg, type MethodEnv, type MethodTable, stringArg } from './method.ts';

// Slack's limit on the people in a group DM, besides the app.
const MAX_DM_USERS = 8;
// conversations.history: Slack's default page and its largest.
const HISTORY_DEFAULT_LIMIT = 100;
const HISTORY_MAX_LIMIT = 999;

export function conversationMethods({ workspace }: MethodEnv): MethodTable {
  return [
    [
      'conversations.open',
      {
        auth: 'token',
        run: ({ args }) => {
          const { botUserId } = workspace.identity;
          const { removedUsers, removedChannels } = workspace.world;
          const channel = stringArg(args, 'channel');
          if (channel) {
            if (removedChannels.has(channel)) throw new SlackApiError('channel_not_found');
            return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
          }
          const users = (Array.isArray(args.users) ? args.users.join(',') : (stringArg(args, 'users') ?? ''))
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id && id !== botUserId);
          if (users.length === 0) throw new SlackApiError('users_list_not_supplied');
          if (users.length > MAX_DM_USERS) throw new SlackApiError('too_many_users');
          for (const id of users) {
            if (removedUsers.has(id)) throw new SlackApiError('user_not_found');
            if (describeUser(workspace, id).deleted) throw new SlackApiError('user_disabled');
          }
          const dm = openDm(workspace, users);
          const body = flagArg(args, 'return_im') ? describeChannel(workspace, dm.id) : { id: dm.id };
          return dm.existed
            ? { ok: true, no_op: true, already_open: true, channel: body }
            : { ok: true, channel: body };
        },
      },
    ],
    [
      'conversations.info',
      {
        auth: 'token',
        run: ({ args }) => ({
          ok: true,
          channel: describeChannel(workspace, requireChannel(workspace, args)),
        }),
      },
    ],
    [
      'conversations.history',
      {
        auth: 'token',
        run: ({ args, auth }) => {
          const channel = conversationArg(workspace, args);
          requireHistoryScope(describeChannel(workspace, channel), auth);
          return historyPage(messagesIn(workspace, channel), args);
        },
      },
    ],
    [
      'conversations.join',
      {
        auth: 'token',
        run: ({ args }) => {
          const id = requireChannel(workspace, args);
          const channel = describeChannel(workspace, id);
          if (channel.is_im || channel.is_mpim)
            throw new SlackApiError('method_not_supported_for_channel_type');
          if (channel.is_archived) throw new SlackApiError('is_archived');
          const { joined } = workspace.world;
          const already = joined.has(id);
          joined.add(id);
          const body: Json = { ok: true, channel: describeChannel(workspace, id) };
          if (already) {
            body.warning = 'already_in_channel';
            body.response_metadata = { warnings: ['already_in_channel'] };
          }
          return body;
        },
      },
    ],
  ];
}

/** Each kind of conversation has its own history scope; Slack names the one missing. */
function requireHistoryScope(channel: SlackChannel, auth: TokenInfo | undefined): void {
  const needed = channel.is_im
    ? 'im:history'
    : channel.is_mpim
      ? 'mpim:history'
      : channel.is_private
        ? 'groups:history'
        : 'channels:history';
  if (!auth || auth.scopes.includes(needed)) return;
  throw new SlackApiError('missing_scope', { needed, provided: auth.scopes.join(',') });
}

/**
 * The messages (the app's, the only ones the stand-in holds) newest first, between `oldest` and
 * `latest`, a page at a time; thread replies stay out, as in Slack. Metadata only with
 * `include_all_metadata`. The cursor is the ts to continue below.
 */
function historyPage(stored: Array<Json & { ts: string }>, args: Json): Json {
  const inclusive = flagArg(args, 'inclusive');
  const oldest = Number(stringArg(args, 'oldest') ?? '0');
  const latest = Number(stringArg(args, 'latest') ?? 'Infinity');
  const cursor = stringArg(args, 'cursor');
  const below = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : Number.POSITIVE_INFINITY;
  const requested = Number(stringArg(args, 'limit') ?? HISTORY_DEFAULT_LIMIT);
  const limit = Math.min(
    Math.max(1, Number.isFinite(requested) ? requested : HISTORY_DEFAULT_LIMIT),
    HISTORY_MAX_LIMIT,
  );
  const withMetadata = flagArg(args, 'include_all_metadata');
  const inRange = stored
    .filter((message) => message.thread_ts === undefined || message.thread_ts === message.ts)
    .filter((message) => {
      const ts = Number(message.ts);
      const afterOldest = inclusive ? ts >= oldest : ts > oldest;
      const beforeLatest = inclusive ? ts <= latest : ts < latest;
      return afterOldest && beforeLatest && ts < below;
    })
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  const page = inRange.slice(0, limit).map((message) => {
    const { channel: _channel, deleted: _deleted, metadata, ...rest } = message;
    return withMetadata && metadata !== undefined ? { ...rest, metadata } : rest;
  });
  const hasMore = inRange.length > limit;
  const last = page.at(-1)?.ts;
  return {
    ok: true,
    messages: page,
    has_more: hasMore,
    pin_count: 0,
    response_metadata: {
      next_cursor: hasMore && last ? Buffer.from(String(last)).toString('base64url') : '',
    },
  };
}
