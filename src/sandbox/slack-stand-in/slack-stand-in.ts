/**
 * SlackStandIn: a stand-in for Slack's servers, at the HTTP boundary, so that the real Bolt app,
 * the real WebClient and the real SocketModeClient run against it unchanged. The tests use it as
 * their fake Slack (test/harness/fake-slack.ts re-exports it as `FakeSlack`) and the sandbox
 * (src/sandbox) runs the app against it for people trying Mockingbird without a workspace.
 *
 * It serves three things on 127.0.0.1:
 *   - the Web API at `POST /api/<method>` (form, JSON or multipart bodies, like slack.com/api);
 *   - `response_url`s (`/response/<id>`) and file upload URLs (`/upload/v1/<file id>`);
 *   - a Socket Mode WebSocket endpoint (`/socket`), handed out by `apps.connections.open`.
 *
 * It has no test-framework imports on purpose. Typical use:
 *
 * ```ts
 * const slack = await SlackStandIn.start();               // random port
 * const app = new App({ token: slack.botToken, signingSecret, clientOptions: { slackApiUrl: slack.apiUrl } });
 * slack.setUser('U0ANA', { tz: 'America/New_York', profile: { display_name: 'Ana' } });
 * // … drive the app (see slack-requests.ts) …
 * const post = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'D…');
 * slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 3 });
 * await slack.close();
 * ```
 *
 * Answers are Slack-shaped (`ok: true` plus the fields Slack documents) and stateful where an app
 * can tell the difference: conversations.open returns the same DM for the same people, a deleted
 * message cannot be updated, a trigger_id works once, a response_url works five times, a revoked
 * token stops working. Where Slack's state is unknowable to a test (a message ts or view id taken
 * from a hand-built payload) the stand-in is lenient and accepts it.
 *
 * Tokens: `botToken` (default `xoxb-test`) and `appToken` (default `xapp-test`) are valid from
 * the start, tokens minted by oauth.v2.access become valid, and `addToken()` registers more. Any
 * other token answers `invalid_auth`, no token `not_authed`, a revoked one `token_revoked`.
 *
 * The parts live beside this file: the workspace state (workspace/), one module per family of Web
 * API methods (web-api/), recordings and waiting (recorder.ts), injected failures (faults.ts),
 * Socket Mode (socket-mode.ts), the HTTP routes (routes.ts), and what Slack sends the app, signed
 * (slack-requests.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults.ts';
import { Recorder } from './recorder.ts';
import { Routes } from './routes.ts';
import { SocketMode } from './socket-mode.ts';
import type {
  ChannelPatch,
  EnvelopeOptions,
  EnvelopeType,
  FailureOptions,
  Json,
  OAuthInstall,
  RecordedCall,
  RecordedResponse,
  RecordedUpload,
  Responder,
  SlackChannel,
  SlackMessage,
  SlackUser,
  SocketAck,
  StandInActivity,
  StandInOptions,
  TokenInfo,
  UserPatch,
} from './types.ts';
import { WebApi } from './web-api/dispatch.ts';
import { storeView } from './web-api/views.ts';
import { describeChannel, openDm, removeChannel, setChannel } from './workspace/channels.ts';
import { botMessage, findMessage, messagesIn, storeMessage } from './workspace/messages.ts';
import { describeUser, removeUser, setUser } from './workspace/users.ts';
import { identityFrom, Workspace } from './workspace/workspace.ts';

export class SlackStandIn {
  readonly url: string;
  readonly apiUrl: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly clientId: string;
  readonly clientSecret: string;

  private readonly workspace: Workspace;
  private readonly recorder = new Recorder(() => this.closed);
  private readonly faults = new Faults();
  private readonly socketMode: SocketMode;
  private closed = false;

  private constructor(
    private readonly server: Server,
    port: number,
    options: StandInOptions,
  ) {
    const identity = identityFrom(`http://127.0.0.1:${port}`, options);
    this.url = identity.url;
    this.apiUrl = `${this.url}/api/`;
    this.teamId = identity.teamId;
    this.teamName = identity.teamName;
    this.teamDomain = identity.teamDomain;
    this.botUserId = identity.botUserId;
    this.botId = identity.botId;
    this.appId = identity.appId;
    this.botToken = identity.botToken;
    this.appToken = identity.appToken;
    this.clientId = identity.clientId;
    this.clientSecret = identity.clientSecret;
    this.workspace = new Workspace(identity);
    this.socketMode = new SocketMode(this.workspace, this.recorder);
    const webApi = new WebApi(this.workspace, this.recorder, this.faults, () => this.closed);
    const routes = new Routes(this.workspace, this.recorder, webApi);
    server.on('request', (req, res) => void routes.handle(req, res));
    server.on('upgrade', (req, socket, head) => this.socketMode.handleUpgrade(req, socket, head));
  }

  /** Starts listening on 127.0.0.1 (a random port unless `options.port` is given). */
  static async start(options: StandInOptions = {}): Promise<SlackStandIn> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new SlackStandIn(server, (server.address() as AddressInfo).port, options);
  }

  // ---------------------------------------------------------------- recordings and waiting

  /** Every Web API call since start (or the last `reset()`), oldest first. */
  get calls(): readonly RecordedCall[] {
    return this.recorder.calls;
  }

  callsTo(method: string): RecordedCall[] {
    return this.recorder.callsTo(method);
  }

  /** Resolves with the first call to `method` matching `predicate`, already made or yet to come. */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs = 5_000,
  ): Promise<RecordedCall> {
    return this.recorder.waitForCall(method, predicate, timeoutMs);
  }

  /** Resolves with the first `count` calls to `method` once that many have been made. */
  waitForCalls(method: string, count: number, timeoutMs = 5_000): Promise<RecordedCall[]> {
    return this.recorder.waitForCalls(method, count, timeoutMs);
  }

  /** POSTs received on response_urls, oldest first. */
  get responses(): readonly RecordedResponse[] {
    return this.recorder.responses;
  }

  waitForResponse(
    predicate?: (response: RecordedResponse) => boolean,
    timeoutMs = 5_000,
  ): Promise<RecordedResponse> {
    return this.recorder.waitForResponse(predicate, timeoutMs);
  }

  /** Files announced through files.getUploadURLExternal, with their bytes once uploaded. */
  get uploads(): RecordedUpload[] {
    return [...this.workspace.world.uploads.values()];
  }

  /**
   * Forgets recordings, injected failures, delays and overrides, and returns the workspace to its
   * starting state (users, channels, messages, tokens). The port and open sockets stay.
   */
  reset(): void {
    this.recorder.reset();
    this.faults.reset();
    this.workspace.reset();
  }

  /**
   * Hears every answer the app is given and every response_url POST, as they happen (the sandbox's
   * page redraws from them). Returns an unsubscribe.
   */
  observe(observer: (activity: StandInActivity) => void): () => void {
    return this.recorder.observe(observer);
  }

  // ---------------------------------------------------------------- shaping answers

  /**
   * The next `times` calls to `method` (`'*'` for any) fail: with an HTTP status (429 carries
   * Retry-After), or with `ok: false` and `error`.
   */
  failNext(method: string, options: FailureOptions = {}): void {
    this.faults.failNext(method, options);
  }

  /**
   * Slack is down for `ms`: every call to `method` (`'*'` for any) fails as `options` says (a 5xx,
   * usually) until then, and is answered normally after.
   */
  failFor(method: string, ms: number, options: FailureOptions): void {
    this.faults.failNext(method, { ...options, times: Number.MAX_SAFE_INTEGER });
    setTimeout(() => this.faults.clearFailure(method), ms).unref();
  }

  /** Ends a `failFor` outage (or pending `failNext` failures) of `method` now. */
  recover(method: string): void {
    this.faults.clearFailure(method);
  }

  /** Answers every call to `method` (`'*'` for any) `ms` late, to keep it in flight; 0 stops it. */
  delay(method: string, ms: number): void {
    this.faults.delay(method, ms);
  }

  /** Replaces the answer for `method` (also makes an unknown method known). Returns an undo. */
  on(method: string, responder: Responder): () => void {
    return this.faults.on(method, responder);
  }

  // ---------------------------------------------------------------- the workspace

  /** The user as users.info would describe them now (defaults for users never set). */
  user(userId: string): SlackUser {
    return describeUser(this.workspace, userId);
  }

  /** Creates or changes a user; `tz_label`/`tz_offset` follow `tz` unless given. */
  setUser(userId: string, patch: UserPatch): SlackUser {
    return setUser(this.workspace, userId, patch);
  }

  /** After this, users.info answers `user_not_found` for the user (as for an erased account). */
  removeUser(userId: string): void {
    removeUser(this.workspace, userId);
  }

  /** The conversation as conversations.info would describe it now. */
  channel(channelId: string): SlackChannel {
    return describeChannel(this.workspace, channelId);
  }

  /** Changes a conversation, e.g. `{ is_archived: true }` so that posting answers `is_archived`. */
  setChannel(channelId: string, patch: ChannelPatch): SlackChannel {
    return setChannel(this.workspace, channelId, patch);
  }

  /** After this, calls naming the channel answer `channel_not_found`. */
  removeChannel(channelId: string): void {
    removeChannel(this.workspace, channelId);
  }

  /** A message the app posted, as it stands after any updates (undefined if never posted). */
  message(channelId: string, ts: string): SlackMessage | undefined {
    const found = findMessage(this.workspace, channelId, ts);
    return found ? structuredClone(found) : undefined;
  }

  /** Messages the app posted in a conversation and has not deleted, oldest first. */
  messagesIn(channelId: string): SlackMessage[] {
    return messagesIn(this.workspace, channelId);
  }

  /** The DM (one user) or group DM (several) with these people, as conversations.open gives it. */
  openConversation(users: string[]): string {
    return openDm(this.workspace, users).id;
  }

  /** Every DM and group DM opened so far, with its members (the bot left out). */
  directConversations(): Array<{ id: string; users: string[] }> {
    return [...this.workspace.world.dms.values()].map((dm) => ({ id: dm.id, users: [...dm.users] }));
  }

  /** A modal or Home tab as the app last opened, pushed, updated or published it. */
  view(viewId: string): Json | undefined {
    const view = this.workspace.world.views.get(viewId);
    return view ? structuredClone(view) : undefined;
  }

  /**
   * Stores a view the app gave in an acknowledgement (`response_action: update` or `push`), as
   * Slack does: `replacing` keeps that view's id, otherwise the view gets a new one.
   */
  putView(view: Json, replacing?: string): Json {
    const existing = replacing ? this.workspace.world.views.get(replacing) : undefined;
    return structuredClone(storeView(this.workspace, view, existing));
  }

  /**
   * What a response_url does to a message the app posted: replace its text and blocks, or delete
   * it; or (`post`) a new message from the app in the conversation (`response_type: in_channel`).
   */
  replaceMessage(channelId: string, ts: string, content: { text?: string; blocks?: unknown }): void {
    const stored = findMessage(this.workspace, channelId, ts);
    if (!stored || stored.deleted) return;
    stored.text = content.text ?? stored.text;
    if (content.blocks !== undefined) stored.blocks = content.blocks;
    stored.edited = { user: this.botUserId, ts: this.workspace.nextTs() };
  }

  deleteMessage(channelId: string, ts: string): void {
    const stored = findMessage(this.workspace, channelId, ts);
    if (stored) stored.deleted = true;
  }

  postAsApp(channelId: string, content: { text?: string; blocks?: unknown }): SlackMessage {
    const message = botMessage(
      this.workspace.identity,
      channelId,
      this.workspace.nextTs(),
      content.text ?? '',
    );
    if (content.blocks !== undefined) message.blocks = content.blocks;
    return structuredClone(storeMessage(this.workspace, message));
  }

  /** A fresh message timestamp on the stand-in's clock (for messages only the page shows). */
  nextTs(): string {
    return this.workspace.nextTs();
  }

  /** The Home tab the app last published for `userId`, if any. */
  homeView(userId: string): Json | undefined {
    const home = [...this.workspace.world.views.values()].find(
      (view) => view.type === 'home' && view.published_for === userId,
    );
    return home ? structuredClone(home) : undefined;
  }

  /** Registers another valid token (a second workspace, a user token…). */
  addToken(token: string, info: Partial<TokenInfo> & Pick<TokenInfo, 'kind'>): void {
    this.workspace.addToken(token, info);
  }

  /** State of a token: valid, revoked (auth.revoke / apps.uninstall) or unknown. */
  tokenInfo(token: string): TokenInfo | undefined {
    return this.workspace.tokenInfo(token);
  }

  /** A one-time code for oauth.v2.access, as Slack puts on the redirect after "Allow". */
  oauthCode(install: OAuthInstall = {}): string {
    return this.workspace.oauthCode(install);
  }

  /** A trigger_id the fake will honour once, within `triggerTtlMs`. */
  triggerId(): string {
    return this.workspace.triggerId();
  }

  /** A response_url on the fake; POSTs to it are recorded in `responses`. */
  responseUrl(name?: string): string {
    return this.workspace.responseUrl(name);
  }

  // ---------------------------------------------------------------- Socket Mode

  /** How many Socket Mode connections are open (each has been sent `hello`). */
  get socketCount(): number {
    return this.socketMode.socketCount;
  }

  /** Resolves once at least one Socket Mode connection is open and has been sent `hello`. */
  socketConnected(timeoutMs = 5_000): Promise<void> {
    return this.socketMode.socketConnected(timeoutMs);
  }

  /**
   * Sends an envelope over the newest Socket Mode connection, as Slack does, and resolves with the
   * app's acknowledgement (and its response payload, if any).
   */
  sendEnvelope(type: EnvelopeType, payload: Json, options: EnvelopeOptions = {}): Promise<SocketAck> {
    return this.socketMode.sendEnvelope(type, payload, options);
  }

  /**
   * Drops every Socket Mode connection. By default the TCP connection is cut as a network failure
   * would; `graceful` first sends Slack's `disconnect` message so the client closes and reconnects.
   */
  disconnectSockets(options: { graceful?: boolean } = {}): Promise<void> {
    return this.socketMode.disconnectSockets(options);
  }

  /** Stops everything at once: pending waits fail, sockets and HTTP connections are cut. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closedError = new Error('SlackStandIn closed');
    this.recorder.failWaiters(closedError);
    this.socketMode.rejectPendingAcks(closedError);
    this.faults.wakeSleepers();
    await this.socketMode.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
