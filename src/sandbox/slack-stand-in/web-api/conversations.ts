/** conversations.open (DMs and group DMs), conversations.info and conversations.join. */
import { SlackApiError } from '../slack-api-error.ts';
import type { Json } from '../types.ts';
import { describeChannel, openDm } from '../workspace/channels.ts';
import { describeUser } from '../workspace/users.ts';
import { requireChannel } from './lookups.ts';
import { flagArg, type MethodEnv, type MethodTable, stringArg } from './method.ts';

// Slack's limit on the people in a group DM, besides the app.
const MAX_DM_USERS = 8;

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
