/** The public vocabulary of the fake: options, recordings, and the Slack objects it hands out. */
export type Json = Record<string, unknown>;

export interface StandInOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  teamId?: string;
  teamName?: string;
  /** The workspace's subdomain: `<teamDomain>.slack.com`. */
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  botToken?: string;
  /** App-level token accepted by apps.connections.open (Socket Mode). */
  appToken?: string;
  /** OAuth client credentials checked by oauth.v2.access and apps.uninstall. */
  clientId?: string;
  clientSecret?: string;
  /** How long a minted trigger_id stays usable; Slack allows 3 s. */
  triggerTtlMs?: number;
  /**
   * The stand-in's clock (epoch ms) for message timestamps, users' current UTC offsets and the
   * like; `Date.now` by default. The sandbox passes the app's clock, so both travel in time together.
   */
  now?: () => number;
}

/** One Web API call as the fake received it. `args` has JSON-in-form fields already decoded. */
export interface RecordedCall {
  method: string;
  args: Json;
  token: string | undefined;
  at: Date;
}

/**
 * What just happened on the stand-in, for whoever shows the workspace (the sandbox's page): a Web
 * API call with the answer it got (failures injected before an answer are not reported), or a
 * POST to a response_url.
 */
export type StandInActivity =
  | { kind: 'answer'; call: RecordedCall; answer: Json }
  | { kind: 'response'; response: RecordedResponse };

/** One POST to a response_url minted by `responseUrl()`. */
export interface RecordedResponse {
  id: string;
  name: string | undefined;
  url: string;
  body: Json;
  at: Date;
}

/** A file announced by files.getUploadURLExternal; `bytes` fills in when the app uploads it. */
export interface RecordedUpload {
  fileId: string;
  filename: string;
  declaredLength: number;
  /** What files.getUploadURLExternal was told a screen reader should read for the image. */
  altText: string | undefined;
  bytes: Buffer | undefined;
  completed: boolean;
  title: string | undefined;
  channelId: string | undefined;
  initialComment: string | undefined;
  threadTs: string | undefined;
}

export interface FailureOptions {
  /** An HTTP failure; 429 carries Retry-After like Slack's rate limiter. */
  status?: 429 | 500 | 502 | 503;
  /** Seconds for the Retry-After header (default 1 for a 429). */
  retryAfterSeconds?: number;
  /** An `ok: false` answer with this error instead of an HTTP failure. */
  error?: string;
  /** How many calls in a row fail (default 1). */
  times?: number;
}

/**
 * Overrides an answer. `next()` computes (once) the fake's default answer, so a responder can
 * wrap it; returning undefined falls through to that default.
 */
export type Responder = (
  call: RecordedCall,
  next: () => Json,
) => Json | undefined | Promise<Json | undefined>;

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface EnvelopeOptions {
  /** Defaults to true for slash commands and interactivity, false for events (as Slack sends). */
  acceptsResponsePayload?: boolean;
  /** events_api only: Slack's redelivery counter and reason. */
  retryAttempt?: number;
  retryReason?: string;
  timeoutMs?: number;
}

/** What the app sent back over the socket for an envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Json;
}

export interface SlackUserProfile {
  real_name: string;
  real_name_normalized: string;
  display_name: string;
  display_name_normalized: string;
  first_name: string;
  last_name: string;
  email: string;
  title: string;
  status_text: string;
  status_emoji: string;
  image_48: string;
  image_192: string;
  team: string;
  [field: string]: unknown;
}

/** Slack's user object (users.info), the fields apps read. */
export interface SlackUser extends SlackUserFields {
  id: string;
  profile: SlackUserProfile;
}

export interface SlackUserFields {
  team_id: string;
  name: string;
  deleted: boolean;
  color: string;
  real_name: string;
  tz: string;
  tz_label: string;
  tz_offset: number;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_restricted: boolean;
  is_ultra_restricted: boolean;
  is_bot: boolean;
  is_app_user: boolean;
  updated: number;
  locale?: string;
}

export type UserPatch = Partial<SlackUserFields> & { profile?: Partial<SlackUserProfile> };

/** Slack's conversation object (conversations.info). */
export interface SlackChannel {
  id: string;
  name?: string;
  is_channel: boolean;
  is_group: boolean;
  is_im: boolean;
  is_mpim: boolean;
  is_private: boolean;
  is_archived: boolean;
  is_general: boolean;
  is_member: boolean;
  created: number;
  creator?: string;
  user?: string;
  [field: string]: unknown;
}

export type ChannelPatch = Partial<SlackChannel>;

/** A message as the fake holds it after chat.postMessage / chat.update / chat.delete. */
export interface SlackMessage {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  user: string;
  bot_id: string;
  app_id: string;
  team: string;
  blocks?: unknown;
  thread_ts?: string;
  deleted: boolean;
  edited?: { user: string; ts: string };
  [field: string]: unknown;
}

export interface OAuthInstall {
  teamId?: string;
  teamName?: string;
  /** The user who clicked "Allow". */
  userId?: string;
  scopes?: string[];
  /** User-token scopes; when given, the answer carries an xoxp- token too. */
  userScopes?: string[];
  /** When set, oauth.v2.access must be called with the same redirect_uri. */
  redirectUri?: string;
}

export interface TokenInfo {
  kind: 'bot' | 'user' | 'app';
  teamId: string;
  userId: string;
  botId?: string;
  scopes: string[];
  revoked: boolean;
}
