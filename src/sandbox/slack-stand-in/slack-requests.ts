/**
 * SlackRequests: sends the app exactly what Slack sends over HTTP — slash commands, interactivity
 * payloads and Events API callbacks — signed the way Slack signs them:
 * `x-slack-signature: v0=HMAC_SHA256(signingSecret, "v0:" + timestamp + ":" + rawBody)`.
 *
 * Payload shapes follow Slack's documentation (and Bolt's types for them). With a `SlackStandIn`, the
 * response_url and trigger_id in each payload are minted by the fake, so `respond()` and
 * `views.open` land there and can be asserted on. The `*Payload` builders return the same bodies
 * without sending them, for Socket Mode (`fake.sendEnvelope('interactive', payload)`).
 *
 * ```ts
 * const slack = new SlackRequests({ url: `${base}/slack/events`, signingSecret, teamId, fake });
 * const answer = await slack.command('U0ANA', '/mock', 'help');            // { status, body, json }
 * await slack.blockAction('U0ANA', { actionId: 'accept', value: 'session-1' });
 * await slack.command('U0EVE', '/mock', 'help', {}, { signingSecret: 'forged' });   // expect 401
 * await slack.command('U0EVE', '/mock', 'help', {}, { timestampAgeSeconds: 360 });  // stale: 401
 * ```
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Json } from './types.ts';

/**
 * What SlackRequests reads from the fake Slack: the stand-in itself, or anything that can answer
 * the same (bench/remote-fake-slack.ts, for a stand-in running in another process).
 */
export interface SlackRequestsSource {
  readonly botId: string;
  readonly botUserId: string;
  readonly appId: string;
  readonly teamDomain: string;
  user(userId: string): { name: string };
  channel(channelId: string): { name?: string | undefined };
  responseUrl(name?: string): string;
  triggerId(): string;
}

export interface SlackRequestsOptions {
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  url: string;
  signingSecret: string;
  teamId: string;
  /** Mints response_urls and trigger_ids, and supplies bot, app and user details. */
  fake?: SlackRequestsSource;
  teamDomain?: string;
  apiAppId?: string;
  botUserId?: string;
  /** The deprecated verification token Slack still puts in every payload. */
  verificationToken?: string;
  /** Where commands and message actions happen unless a call says otherwise. */
  channel?: { id: string; name: string };
}

export interface SignOptions {
  /** Sign with this secret instead of the app's: a forged request. */
  signingSecret?: string;
  /** Date the request this many seconds ago: a stale or replayed request. */
  timestampAgeSeconds?: number;
  /** Extra HTTP headers. */
  headers?: Record<string, string>;
}

export interface RawOptions extends SignOptions {
  /** Add Slack's signature headers for the body as given (default: send it unsigned). */
  sign?: boolean;
}

export interface SlackReply {
  status: number;
  /** The app's answer as text ('' for an empty ack). */
  body: string;
  /** The answer parsed as JSON, when it is JSON. */
  json: Json | undefined;
}

/** The last request sent, to replay it byte for byte with `raw()`. */
export interface SentRequest {
  body: string;
  headers: Record<string, string>;
}

/** A modal or Home tab view as a test describes it; the rest of Slack's view object is filled in. */
export interface ViewInput {
  callback_id?: string;
  private_metadata?: string;
  state?: { values: Record<string, Record<string, Json>> };
  id?: string;
  hash?: string;
  type?: 'modal' | 'home';
  title?: Json;
  blocks?: unknown[];
  external_id?: string;
  root_view_id?: string | null;
  previous_view_id?: string | null;
  [field: string]: unknown;
}

export interface BlockActionOptions {
  actionId: string;
  blockId?: string;
  value?: string;
  selectedOption?: { value: string; text?: string };
  /** The element type; defaults to `static_select` with `selectedOption`, else `button`. */
  type?: string;
  /** More fields for the action object (`selected_user`, `selected_date`…). */
  action?: Json;
  /** Overrides the container Slack derives from `view` or the message. */
  container?: Json;
  /** The action happened in this modal or Home tab (no channel, no response_url). */
  view?: ViewInput;
  /** Fields of the message that holds the element. */
  message?: Json;
  channelId?: string;
  /** `state.values` of the message's inputs. */
  stateValues?: Record<string, Record<string, Json>>;
}

export interface EventOptions {
  retryNum?: number;
  /** Slack's X-Slack-Retry-Reason, e.g. `http_timeout`. */
  retryReason?: string;
  eventId?: string;
  eventTime?: number;
}

const SLACK_USER_AGENT = 'Slackbot 1.0 (+https://api.slack.com/robots)';
const FORM = 'application/x-www-form-urlencoded';

export class SlackRequests {
  private readonly options: SlackRequestsOptions;
  private sequence = 0;
  private sent: SentRequest | undefined;

  constructor(options: SlackRequestsOptions) {
    this.options = options;
  }

  /** The last request sent (body and headers, signature included). */
  get lastRequest(): SentRequest | undefined {
    return this.sent;
  }

  // ---------------------------------------------------------------- requests

  /** A slash command, form-encoded with every field Slack documents. */
  command(
    userId: string,
    command: string,
    text: string,
    extra: Record<string, string> = {},
    send?: SignOptions,
  ): Promise<SlackReply> {
    const body = new URLSearchParams(this.commandPayload(userId, command, text, extra)).toString();
    return this.post(body, FORM, send);
  }

  blockAction(userId: string, action: BlockActionOptions, send?: SignOptions): Promise<SlackReply> {
    return this.interactive(this.blockActionPayload(userId, action), send);
  }

  viewSubmission(userId: string, view: ViewInput, extra: Json = {}, send?: SignOptions): Promise<SlackReply> {
    return this.interactive(this.viewSubmissionPayload(userId, view, extra), send);
  }

  viewClosed(userId: string, view: ViewInput, extra: Json = {}, send?: SignOptions): Promise<SlackReply> {
    return this.interactive(this.viewClosedPayload(userId, view, extra), send);
  }

  /** A global shortcut (from the lightning menu or search). */
  shortcut(userId: string, callbackId: string, extra: Json = {}, send?: SignOptions): Promise<SlackReply> {
    return this.interactive(this.shortcutPayload(userId, callbackId, extra), send);
  }

  /** A message shortcut, on a message in a channel. */
  messageShortcut(
    userId: string,
    callbackId: string,
    on: { channelId?: string; message?: Json } = {},
    send?: SignOptions,
  ): Promise<SlackReply> {
    return this.interactive(this.messageShortcutPayload(userId, callbackId, on), send);
  }

  /** An options request for an external_select (`block_suggestion`). */
  blockSuggestion(
    userId: string,
    request: { actionId: string; blockId?: string; value: string; view?: ViewInput },
    send?: SignOptions,
  ): Promise<SlackReply> {
    return this.interactive(this.blockSuggestionPayload(userId, request), send);
  }

  /** An Events API `event_callback`; retries carry X-Slack-Retry-Num / X-Slack-Retry-Reason. */
  event(event: Json, options: EventOptions = {}, send?: SignOptions): Promise<SlackReply> {
    const headers: Record<string, string> = { ...send?.headers };
    if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
    if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
    return this.post(JSON.stringify(this.eventPayload(event, options)), 'application/json', {
      ...send,
      headers,
    });
  }

  /** The challenge Slack sends when the Events API request URL is set. */
  urlVerification(challenge: string, send?: SignOptions): Promise<SlackReply> {
    const body = JSON.stringify({ token: this.verificationToken, challenge, type: 'url_verification' });
    return this.post(body, 'application/json', send);
  }

  /** Sends `body` with exactly these headers, signed only when asked. For replays and junk. */
  raw(body: string, headers: Record<string, string>, options: RawOptions = {}): Promise<SlackReply> {
    const signature = options.sign ? this.sign(body, options) : {};
    return this.send(body, { 'user-agent': SLACK_USER_AGENT, ...headers, ...signature, ...options.headers });
  }

  /** Slack's signature headers for `body`. */
  sign(body: string, options: SignOptions = {}): Record<string, string> {
    const timestamp = Math.floor(Date.now() / 1000) - (options.timestampAgeSeconds ?? 0);
    const secret = options.signingSecret ?? this.options.signingSecret;
    const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
    return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${digest}` };
  }

  // ---------------------------------------------------------------- payloads

  commandPayload(
    userId: string,
    command: string,
    text: string,
    extra: Record<string, string> = {},
  ): Record<string, string> {
    const channel = this.options.channel ?? { id: 'C0GENERAL', name: 'general' };
    return {
      token: this.verificationToken,
      team_id: this.options.teamId,
      team_domain: this.teamDomain,
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: userId,
      user_name: this.userName(userId),
      command,
      text,
      api_app_id: this.apiAppId,
      is_enterprise_install: 'false',
      response_url: this.responseUrl(`command-${command.replace(/^\//, '')}`, 'commands'),
      trigger_id: this.triggerId(),
      ...extra,
    };
  }

  blockActionPayload(userId: string, options: BlockActionOptions): Json {
    const type = options.type ?? (options.selectedOption ? 'static_select' : 'button');
    const action: Json = {
      type,
      action_id: options.actionId,
      block_id: options.blockId ?? this.nextId('blk'),
      action_ts: this.nowTs(),
    };
    if (type === 'button')
      action.text = { type: 'plain_text', text: options.value ?? options.actionId, emoji: true };
    if (options.value !== undefined) action.value = options.value;
    if (options.selectedOption) {
      const { value, text = value } = options.selectedOption;
      action.selected_option = { text: { type: 'plain_text', text, emoji: true }, value };
    }
    Object.assign(action, options.action);

    const base: Json = {
      type: 'block_actions',
      user: this.userObject(userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: this.triggerId(),
      team: this.team,
      enterprise: null,
      is_enterprise_install: false,
      actions: [action],
    };
    if (options.view) {
      const view = this.viewOutput(options.view);
      return {
        ...base,
        container: options.container ?? { type: 'view', view_id: view.id },
        view,
        state: view.state,
      };
    }
    const channelId = options.channelId ?? this.options.channel?.id ?? 'C0GENERAL';
    const message: Json = {
      type: 'message',
      user: this.botUserId,
      bot_id: this.options.fake?.botId ?? 'B0MOCKBOT',
      app_id: this.apiAppId,
      team: this.options.teamId,
      ts: this.nowTs(),
      text: '',
      blocks: [],
      ...options.message,
    };
    return {
      ...base,
      container: options.container ?? {
        type: 'message',
        message_ts: message.ts,
        channel_id: channelId,
        is_ephemeral: false,
      },
      channel: { id: channelId, name: this.channelName(channelId) },
      message,
      state: { values: options.stateValues ?? {} },
      response_url: this.responseUrl(`action-${options.actionId}`, 'actions'),
    };
  }

  viewSubmissionPayload(userId: string, view: ViewInput, extra: Json = {}): Json {
    return {
      type: 'view_submission',
      team: this.team,
      user: this.userObject(userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: this.triggerId(),
      view: this.viewOutput(view),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
      ...extra,
    };
  }

  viewClosedPayload(userId: string, view: ViewInput, extra: Json = {}): Json {
    return {
      type: 'view_closed',
      team: this.team,
      user: this.userObject(userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      view: this.viewOutput(view),
      is_cleared: false,
      is_enterprise_install: false,
      enterprise: null,
      ...extra,
    };
  }

  shortcutPayload(userId: string, callbackId: string, extra: Json = {}): Json {
    return {
      type: 'shortcut',
      token: this.verificationToken,
      action_ts: this.nowTs(),
      team: this.team,
      user: this.userObject(userId),
      is_enterprise_install: false,
      enterprise: null,
      callback_id: callbackId,
      trigger_id: this.triggerId(),
      ...extra,
    };
  }

  messageShortcutPayload(
    userId: string,
    callbackId: string,
    on: { channelId?: string; message?: Json } = {},
  ): Json {
    const channelId = on.channelId ?? this.options.channel?.id ?? 'C0GENERAL';
    const message: Json = { type: 'message', user: userId, ts: this.nowTs(), text: '', ...on.message };
    return {
      type: 'message_action',
      token: this.verificationToken,
      action_ts: this.nowTs(),
      team: this.team,
      user: this.userObject(userId),
      channel: { id: channelId, name: this.channelName(channelId) },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: callbackId,
      trigger_id: this.triggerId(),
      response_url: this.responseUrl(`shortcut-${callbackId}`, 'actions'),
      message_ts: message.ts,
      message,
    };
  }

  blockSuggestionPayload(
    userId: string,
    request: { actionId: string; blockId?: string; value: string; view?: ViewInput },
  ): Json {
    return {
      type: 'block_suggestion',
      user: this.userObject(userId),
      container: request.view
        ? { type: 'view', view_id: request.view.id ?? 'V0SUGGEST' }
        : { type: 'message' },
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      action_id: request.actionId,
      block_id: request.blockId ?? this.nextId('blk'),
      value: request.value,
      team: this.team,
      enterprise: null,
      is_enterprise_install: false,
      ...(request.view ? { view: this.viewOutput(request.view) } : {}),
    };
  }

  /** The `event_callback` envelope around `event` (Slack adds event_ts when the event has none). */
  eventPayload(event: Json, options: EventOptions = {}): Json {
    const eventTime = options.eventTime ?? Math.floor(Date.now() / 1000);
    return {
      token: this.verificationToken,
      team_id: this.options.teamId,
      context_team_id: this.options.teamId,
      context_enterprise_id: null,
      api_app_id: this.apiAppId,
      event: { event_ts: this.nowTs(), ...event },
      type: 'event_callback',
      event_id: options.eventId ?? `Ev${this.nextId('').toUpperCase()}`,
      event_time: eventTime,
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.options.teamId,
          user_id: this.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${Buffer.from(JSON.stringify({ et: event.type, tid: this.options.teamId })).toString('base64url')}`,
    };
  }

  // ---------------------------------------------------------------- plumbing

  private interactive(payload: Json, send?: SignOptions): Promise<SlackReply> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, send);
  }

  private post(body: string, contentType: string, send: SignOptions = {}): Promise<SlackReply> {
    return this.send(body, {
      'content-type': contentType,
      'user-agent': SLACK_USER_AGENT,
      ...this.sign(body, send),
      ...send.headers,
    });
  }

  private async send(body: string, headers: Record<string, string>): Promise<SlackReply> {
    this.sent = { body, headers };
    const response = await fetch(this.options.url, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text, json: parseJson(text) };
  }

  private viewOutput(view: ViewInput): Json {
    const id = view.id ?? this.nextId('V');
    return {
      id,
      team_id: this.options.teamId,
      type: view.type ?? 'modal',
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      state: view.state ?? { values: {} },
      hash: view.hash ?? `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: view.title ?? { type: 'plain_text', text: 'Mockingbird', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: view.previous_view_id ?? null,
      root_view_id: view.root_view_id ?? id,
      app_id: this.apiAppId,
      external_id: view.external_id ?? '',
      app_installed_team_id: this.options.teamId,
      bot_id: this.options.fake?.botId ?? 'B0MOCKBOT',
      ...view,
      // Keep the filled-in id even when the input left it out.
      ...(view.id === undefined ? { id } : {}),
    };
  }

  private userObject(userId: string): Json {
    const name = this.userName(userId);
    return { id: userId, username: name, name, team_id: this.options.teamId };
  }

  private userName(userId: string): string {
    return this.options.fake?.user(userId).name ?? userId.toLowerCase();
  }

  private channelName(channelId: string): string {
    if (this.options.channel?.id === channelId) return this.options.channel.name;
    if (channelId.startsWith('D')) return 'directmessage';
    return (
      this.options.fake?.channel(channelId).name ??
      (channelId === 'C0GENERAL' ? 'general' : channelId.toLowerCase())
    );
  }

  private responseUrl(name: string, kind: 'commands' | 'actions'): string {
    if (this.options.fake) return this.options.fake.responseUrl(name);
    return `https://hooks.slack.com/${kind}/${this.options.teamId}/${this.nextNumber()}/${randomBytes(12).toString('hex')}`;
  }

  private triggerId(): string {
    return (
      this.options.fake?.triggerId() ??
      `${this.nextNumber()}${Date.now()}.1.${randomBytes(16).toString('hex')}`
    );
  }

  private get team(): Json {
    return { id: this.options.teamId, domain: this.teamDomain };
  }

  private get teamDomain(): string {
    return this.options.teamDomain ?? this.options.fake?.teamDomain ?? 'mockingbird-sandbox';
  }

  private get apiAppId(): string {
    return this.options.apiAppId ?? this.options.fake?.appId ?? 'A0MOCKAPP';
  }

  private get botUserId(): string {
    return this.options.botUserId ?? this.options.fake?.botUserId ?? 'U0MOCKBOT';
  }

  private get verificationToken(): string {
    return this.options.verificationToken ?? 'fake-verification-token';
  }

  private nextNumber(): number {
    this.sequence += 1;
    return this.sequence;
  }

  private nextId(prefix: string): string {
    return `${prefix}${this.nextNumber().toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** A Slack-style "seconds.micros" timestamp, unique per call. */
  private nowTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(this.nextNumber()).padStart(6, '0')}`;
  }
}

function parseJson(text: string): Json | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}
