/** reactions.add: one reaction of each name per message, as Slack allows the app. */
import { SlackApiError } from '../slack-api-error.ts';
import { conversationArg, storedMessage } from './lookups.ts';
import { type MethodEnv, type MethodTable, stringArg } from './method.ts';

export function reactionMethods({ workspace }: MethodEnv): MethodTable {
  return [
    [
      'reactions.add',
      {
        auth: 'token',
        run: ({ args }) => {
          const channel = conversationArg(workspace, args);
          const name = stringArg(args, 'name')?.replace(/^:|:$/g, '');
          if (!name) throw new SlackApiError('invalid_name');
          const ts = stringArg(args, 'timestamp');
          storedMessage(workspace, channel, ts);
          const { reactions } = workspace.world;
          const key = `${channel}:${ts}:${name}`;
          if (reactions.has(key)) throw new SlackApiError('already_reacted');
          reactions.add(key);
          return { ok: true };
        },
      },
    ],
  ];
}
