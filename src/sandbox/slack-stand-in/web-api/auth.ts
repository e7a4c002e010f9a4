/** Who am I and where: api.test, auth.*, team.info, and apps.connections.open for Socket Mode. */
import { randomUUID } from 'node:crypto';
import { describeUser } from '../workspace/users.ts';
import { flagArg, type MethodEnv, type MethodTable, stringArg } from './method.ts';

export function authMethods({ workspace }: MethodEnv): MethodTable {
  return [
    ['api.test', { auth: 'none', run: ({ args }) => ({ ok: true, args }) }],
    [
      'auth.test',
      {
        auth: 'token',
        run: ({ auth }) => {
          const team = workspace.team(auth!.teamId);
          return {
            ok: true,
            url: `https://${team.domain}.slack.com/`,
            team: team.name,
            user: describeUser(workspace, auth!.userId).name,
            team_id: team.id,
            user_id: auth!.userId,
            ...(auth!.kind === 'bot' ? { bot_id: auth!.botId } : {}),
            is_enterprise_install: false,
          };
        },
      },
    ],
    [
      'auth.revoke',
      {
        auth: 'token',
        run: ({ args, auth }) => {
          if (flagArg(args, 'test')) return { ok: true, revoked: false };
          auth!.revoked = true;
          return { ok: true, revoked: true };
        },
      },
    ],
    [
      'apps.connections.open',
      {
        auth: 'app',
        run: () => {
          const { url, appId } = workspace.identity;
          const ticket = randomUUID();
          workspace.world.tickets.add(ticket);
          return { ok: true, url: `${url.replace(/^http/, 'ws')}/socket?ticket=${ticket}&app_id=${appId}` };
        },
      },
    ],
    [
      'team.info',
      {
        auth: 'token',
        run: ({ args, auth }) => {
          const team = workspace.team(stringArg(args, 'team') ?? auth!.teamId);
          return {
            ok: true,
            team: {
              id: team.id,
              name: team.name,
              domain: team.domain,
              url: `https://${team.domain}.slack.com/`,
              email_domain: '',
              icon: { image_default: true, image_34: 'https://a.slack-edge.com/team_34.png' },
              is_verified: false,
            },
          };
        },
      },
    ],
  ];
}
