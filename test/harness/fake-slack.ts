/**
 * FakeSlack: a stand-in for Slack's servers, faked at the HTTP boundary so that the real Bolt app,
 * the real WebClient and the real SocketModeClient run against it unchanged.
 *
 * It serves three things on 127.0.0.1:
 *   - the Web API at `POST /api/<method>` (form, JSON or multipart bodies, like slack.com/api);
 *   - `response_url`s (`/response/<id>`) and file upload URLs (`/upload/v1/<file id>`);
 *   - a Socket Mode WebSocket endpoint (`/socket`), handed out by `apps.connections.open`.
 *
 * It has no test-framework imports on purpose: the same class backs a local sandbox for trying the
 * app without a Slack workspace. Typical use:
 *
 * ```ts
 * const slack = await FakeSlack.start();                  // random port
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
 * from a hand-built payload) the fake is lenient and accepts it.
 *
 * Tokens: `botToken` (default `xoxb-test`) and `appToken` (default `xapp-test`) are valid from
 * the start, tokens minted by oauth.v2.access become valid, and `addToken()` registers more. Any
 * other token answers `invalid_auth`, no token `not_authed`, a revoked one `token_revoked`.
 *
 * The parts live in ./fake-slack/: the workspace state (workspace/), one module per family of Web
 * API methods (web-api/), recordings and waiting (recorder.ts), injected failures (faults.ts),
 * Socket Mode (socket-mode.ts) and the HTTP routes (routes.ts).
 */
export { FakeSlack } from './fake-slack/fake-slack.ts';
export type * from './fake-slack/types.ts';
