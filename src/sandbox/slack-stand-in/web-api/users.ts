/** users.info and users.lookupByEmail over the workspace's users. */
import { SlackApiError } from '../slack-api-error.ts';
import { describeUser } from '../workspace/users.ts';
import { requireUser } from './lookups.ts';
import { flagArg, type MethodEnv, type MethodTable, stringArg } from './method.ts';

export function userMethods({ workspace }: MethodEnv): MethodTable {
  return [
    [
      'users.info',
      {
        auth: 'token',
        run: ({ args }) => {
          const user = describeUser(workspace, requireUser(workspace, args, 'user'));
          return { ok: true, user: flagArg(args, 'include_locale') ? { locale: 'en-GB', ...user } : user };
        },
      },
    ],
    [
      'users.lookupByEmail',
      {
        auth: 'token',
        run: ({ args }) => {
          const { userPatches, removedUsers } = workspace.world;
          const email = stringArg(args, 'email')?.toLowerCase();
          // Only users a test has set can be found: an email names someone in particular.
          const userId = [...userPatches.keys()].find(
            (id) =>
              !removedUsers.has(id) && describeUser(workspace, id).profile.email.toLowerCase() === email,
          );
          if (!userId) throw new SlackApiError('users_not_found');
          return { ok: true, user: describeUser(workspace, userId) };
        },
      },
    ],
  ];
}
