/**
 * Installing and uninstalling: oauth.v2.access trades a code from `oauthCode()` for fresh tokens
 * (for this workspace or another), apps.uninstall revokes a workspace's tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SlackApiError } from '../slack-api-error.ts';
import type { Json, OAuthInstall } from '../types.ts';
import { DEFAULT_BOT_SCOPES, type Workspace } from '../workspace/workspace.ts';
import { type CallContext, type MethodEnv, type MethodTable, stringArg } from './method.ts';

export function oauthMethods({ workspace }: MethodEnv): MethodTable {
  return [
    [
      'oauth.v2.access',
      {
        auth: 'none',
        run: (ctx) => {
          checkClient(workspace, ctx);
          const code = stringArg(ctx.args, 'code');
          const install = code ? workspace.world.oauthCodes.get(code) : undefined;
          if (!install || install.used) throw new SlackApiError('invalid_code');
          if (
            install.redirectUri !== undefined &&
            stringArg(ctx.args, 'redirect_uri') !== install.redirectUri
          ) {
            throw new SlackApiError('bad_redirect_uri');
          }
          install.used = true;
          return installApp(workspace, install);
        },
      },
    ],
    [
      'apps.uninstall',
      {
        auth: 'token',
        run: (ctx) => {
          checkClient(workspace, ctx);
          for (const info of workspace.world.tokens.values()) {
            if (info.teamId === ctx.auth!.teamId && info.kind !== 'app') info.revoked = true;
          }
          return { ok: true };
        },
      },
    ],
  ];
}

/** Client credentials come as arguments or as HTTP Basic auth; Slack accepts either. */
function checkClient({ identity }: Workspace, ctx: CallContext): void {
  const clientId = stringArg(ctx.args, 'client_id') ?? ctx.basic?.id;
  const clientSecret = stringArg(ctx.args, 'client_secret') ?? ctx.basic?.secret;
  if (clientId !== identity.clientId) throw new SlackApiError('invalid_client_id');
  if (clientSecret !== identity.clientSecret) throw new SlackApiError('bad_client_secret');
}

function installApp(workspace: Workspace, install: OAuthInstall): Json {
  const { identity, world } = workspace;
  const teamId = install.teamId ?? identity.teamId;
  const team = world.teams.get(teamId) ?? {
    id: teamId,
    name: install.teamName ?? `Workspace ${teamId}`,
    domain: teamId.toLowerCase(),
  };
  world.teams.set(teamId, team);
  const sameTeam = teamId === identity.teamId;
  const botUserId = sameTeam
    ? identity.botUserId
    : `U${createHash('sha1').update(`bot:${teamId}`).digest('hex').slice(0, 9).toUpperCase()}`;
  const botId = sameTeam ? identity.botId : `B${botUserId.slice(1)}`;
  const scopes = install.scopes ?? DEFAULT_BOT_SCOPES;
  const installerId = install.userId ?? 'U0INSTALLER';
  const botToken = mintToken(workspace, 'xoxb');
  world.tokens.set(botToken, { kind: 'bot', teamId, userId: botUserId, botId, scopes, revoked: false });
  const authedUser: Json = { id: installerId };
  if (install.userScopes && install.userScopes.length > 0) {
    const userToken = mintToken(workspace, 'xoxp');
    world.tokens.set(userToken, {
      kind: 'user',
      teamId,
      userId: installerId,
      scopes: install.userScopes,
      revoked: false,
    });
    Object.assign(authedUser, {
      scope: install.userScopes.join(','),
      access_token: userToken,
      token_type: 'user',
    });
  }
  return {
    ok: true,
    app_id: identity.appId,
    authed_user: authedUser,
    scope: scopes.join(','),
    token_type: 'bot',
    access_token: botToken,
    bot_user_id: botUserId,
    team: { id: team.id, name: team.name },
    enterprise: null,
    is_enterprise_install: false,
  };
}

function mintToken(workspace: Workspace, prefix: 'xoxb' | 'xoxp'): string {
  return `${prefix}-${workspace.numericTeamId()}-${workspace.nextNumber()}-${randomBytes(12).toString('hex')}`;
}
