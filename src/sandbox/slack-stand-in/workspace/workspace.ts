/**
 * The workspace as Slack would remember it (tokens, teams, users, conversations, messages, views,
 * uploads and the one-time grants the fake hands out), plus who the fake is and how it mints ids.
 * Users, conversations and messages are read and changed through the modules beside this one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {
  ChannelPatch,
  Json,
  OAuthInstall,
  RecordedUpload,
  SlackMessage,
  StandInOptions,
  TokenInfo,
  UserPatch,
} from '../types.ts';

/** Who the fake is: its address, the workspace, its bot and app, and their credentials. */
export interface Identity {
  url: string;
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
  botToken: string;
  appToken: string;
  clientId: string;
  clientSecret: string;
  triggerTtlMs: number;
  /** Epoch ms now, on the stand-in's clock. */
  now: () => number;
}

export function identityFrom(url: string, options: StandInOptions): Identity {
  return {
    url,
    teamId: options.teamId ?? 'T0MOCKBIRD',
    teamName: options.teamName ?? 'Mockingbird Sandbox',
    teamDomain: options.teamDomain ?? 'mockingbird-sandbox',
    botUserId: options.botUserId ?? 'U0MOCKBOT',
    botId: options.botId ?? 'B0MOCKBOT',
    appId: options.appId ?? 'A0MOCKAPP',
    botToken: options.botToken ?? 'xoxb-test',
    appToken: options.appToken ?? 'xapp-test',
    clientId: options.clientId ?? '1000000000.2000000000',
    clientSecret: options.clientSecret ?? 'fake-client-secret',
    triggerTtlMs: options.triggerTtlMs ?? 3_000,
    now: options.now ?? (() => Date.now()),
  };
}

export const DEFAULT_BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'mpim:write',
  'users:read',
  'users:read.email',
  'channels:read',
  'channels:join',
  'groups:read',
  'im:read',
  'mpim:read',
  'channels:history',
  'groups:history',
  'im:history',
  'mpim:history',
  'reactions:write',
  'files:write',
  'team:read',
];

export interface Team {
  id: string;
  name: string;
  domain: string;
}

export interface ViewRecord extends Json {
  id: string;
  hash: string;
}

/** Everything `reset()` throws away: the workspace as Slack would remember it. */
export interface World {
  tokens: Map<string, TokenInfo>;
  teams: Map<string, Team>;
  userPatches: Map<string, UserPatch>;
  removedUsers: Set<string>;
  channelPatches: Map<string, ChannelPatch>;
  removedChannels: Set<string>;
  joined: Set<string>;
  dms: Map<string, { id: string; users: string[] }>;
  messages: Map<string, SlackMessage>;
  reactions: Set<string>;
  views: Map<string, ViewRecord>;
  uploads: Map<string, RecordedUpload>;
  triggers: Map<string, { mintedAt: number; used: boolean }>;
  responseUrls: Map<string, { name: string | undefined; uses: number }>;
  tickets: Set<string>;
  oauthCodes: Map<string, OAuthInstall & { used: boolean }>;
}

export class Workspace {
  private current: World;
  // Ids and timestamps keep counting across resets, so nothing minted before one is reissued.
  private sequence = 0;
  private lastTs = { seconds: 0, counter: 0 };

  constructor(readonly identity: Identity) {
    this.current = this.newWorld();
  }

  get world(): World {
    return this.current;
  }

  /** Returns the workspace to its starting state. */
  reset(): void {
    this.current = this.newWorld();
  }

  team(teamId: string): Team {
    return this.current.teams.get(teamId) ?? { id: teamId, name: teamId, domain: teamId.toLowerCase() };
  }

  addToken(token: string, info: Partial<TokenInfo> & Pick<TokenInfo, 'kind'>): void {
    this.current.tokens.set(token, {
      teamId: this.identity.teamId,
      userId: info.kind === 'bot' ? this.identity.botUserId : 'U0INSTALLER',
      scopes: info.kind === 'bot' ? DEFAULT_BOT_SCOPES : [],
      revoked: false,
      ...info,
    });
  }

  tokenInfo(token: string): TokenInfo | undefined {
    const info = this.current.tokens.get(token);
    return info ? { ...info } : undefined;
  }

  oauthCode(install: OAuthInstall): string {
    const code = `${Date.now()}.${this.nextNumber()}.${randomBytes(16).toString('hex')}`;
    this.current.oauthCodes.set(code, { ...install, used: false });
    return code;
  }

  triggerId(): string {
    const id = `${this.nextNumber()}${Date.now()}.${this.numericTeamId()}.${randomBytes(16).toString('hex')}`;
    // performance.now rather than Date.now: a test that fakes the date must not expire triggers.
    this.current.triggers.set(id, { mintedAt: performance.now(), used: false });
    return id;
  }

  responseUrl(name: string | undefined): string {
    const id = `${name ? `${name.replace(/[^A-Za-z0-9_-]/g, '-')}-` : ''}${this.nextNumber()}${randomBytes(4).toString('hex')}`;
    this.current.responseUrls.set(id, { name, uses: 0 });
    return `${this.identity.url}/response/${id}`;
  }

  nextNumber(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** Slack-looking ids: a type letter and upper-case alphanumerics (V0000000A1…). */
  nextId(prefix: string): string {
    return `${prefix}${this.nextNumber().toString(36).toUpperCase().padStart(10, '0')}`;
  }

  numericTeamId(): string {
    return String(
      Number.parseInt(createHash('sha1').update(this.identity.teamId).digest('hex').slice(0, 8), 16),
    );
  }

  /** Message timestamps: unique and increasing, in Slack's "seconds.micro" form. */
  nextTs(): string {
    const seconds = Math.floor(this.identity.now() / 1000);
    if (seconds > this.lastTs.seconds) this.lastTs = { seconds, counter: 1 };
    else this.lastTs.counter += 1;
    return `${this.lastTs.seconds}.${String(this.lastTs.counter).padStart(6, '0')}`;
  }

  private newWorld(): World {
    const { teamId, teamName, teamDomain, botUserId, botId, botToken, appToken } = this.identity;
    const tokens = new Map<string, TokenInfo>([
      [
        botToken,
        { kind: 'bot', teamId, userId: botUserId, botId, scopes: DEFAULT_BOT_SCOPES, revoked: false },
      ],
      [appToken, { kind: 'app', teamId, userId: botUserId, scopes: ['connections:write'], revoked: false }],
    ]);
    return {
      tokens,
      teams: new Map([[teamId, { id: teamId, name: teamName, domain: teamDomain }]]),
      userPatches: new Map(),
      removedUsers: new Set(),
      channelPatches: new Map(),
      removedChannels: new Set(),
      joined: new Set(),
      dms: new Map(),
      messages: new Map(),
      reactions: new Set(),
      views: new Map(),
      uploads: new Map(),
      triggers: new Map(),
      responseUrls: new Map(),
      tickets: new Set(),
      oauthCodes: new Map(),
    };
  }
}
