/**
 * One Web API call from request to answer: read the arguments and token, record the call, apply
 * any injected delay or failure, check the token against the method's rule, then answer with a
 * test's responder or the method's default.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../faults.ts';
import { sendJson, sendText } from '../http.ts';
import type { Recorder } from '../recorder.ts';
import { SlackApiError } from '../slack-api-error.ts';
import type { FailureOptions, Json, RecordedCall } from '../types.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { authMethods } from './auth.ts';
import { chatMethods } from './chat.ts';
import { conversationMethods } from './conversations.ts';
import { fileMethods } from './files.ts';
import type { AuthRule, CallContext, MethodEnv, MethodSpec } from './method.ts';
import { oauthMethods } from './oauth.ts';
import { reactionMethods } from './reactions.ts';
import { mediaType, parseArguments, parseBasicAuth } from './request.ts';
import { userMethods } from './users.ts';
import { viewMethods } from './views.ts';

export class WebApi {
  private readonly methods: Map<string, MethodSpec>;

  constructor(
    private readonly workspace: Workspace,
    private readonly recorder: Recorder,
    private readonly faults: Faults,
    private readonly isClosed: () => boolean,
  ) {
    const env: MethodEnv = { workspace, notify: () => recorder.notify() };
    this.methods = new Map([
      ...authMethods(env),
      ...oauthMethods(env),
      ...userMethods(env),
      ...conversationMethods(env),
      ...chatMethods(env),
      ...reactionMethods(env),
      ...viewMethods(env),
      ...fileMethods(env),
    ]);
  }

  async handle(
    method: string,
    url: URL,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): Promise<void> {
    const authorization = req.headers.authorization ?? '';
    let args: Json = {};
    let parseError: string | undefined;
    try {
      args = await parseArguments(url, req.headers['content-type'], body);
    } catch (error) {
      parseError = error instanceof SlackApiError ? error.error : 'invalid_form_data';
    }
    const isJson = mediaType(req.headers['content-type']) === 'application/json';
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const { token: tokenArg, ...callArgs } = args;
    // Slack ignores a token inside a JSON body: JSON callers must use the Authorization header.
    const token = bearer ?? (!isJson && typeof tokenArg === 'string' ? tokenArg : undefined);
    args = callArgs;

    const call: RecordedCall = { method, args, token, at: new Date() };
    this.recorder.recordCall(call);

    const delayMs = this.faults.delayFor(method);
    if (delayMs !== undefined) {
      await this.faults.sleep(delayMs);
      if (this.isClosed()) return;
    }

    const failure = this.faults.takeFailure(method);
    if (failure) {
      sendFailure(res, failure);
      return;
    }
    if (parseError) {
      sendJson(res, 200, { ok: false, error: parseError });
      return;
    }

    const ctx: CallContext = {
      method,
      args,
      token,
      auth: token ? this.workspace.world.tokens.get(token) : undefined,
      basic: parseBasicAuth(authorization),
    };
    const answer = await this.answer(call, ctx);
    this.recorder.recordAnswer(call, answer);
    const headers: Record<string, string> = {};
    if (ctx.auth && !ctx.auth.revoked) headers['x-oauth-scopes'] = ctx.auth.scopes.join(',');
    sendJson(res, 200, answer, headers);
  }

  private async answer(call: RecordedCall, ctx: CallContext): Promise<Json> {
    const spec = this.methods.get(ctx.method);
    const responder = this.faults.responderFor(ctx.method);
    if (!spec && !responder) return { ok: false, error: 'unknown_method', req_method: ctx.method };
    const denied = authorize(spec?.auth ?? 'token', ctx);
    if (denied) return denied;
    let memo: Json | undefined;
    const next = (): Json => {
      memo ??= spec ? runDefault(spec, ctx) : { ok: false, error: 'unknown_method', req_method: ctx.method };
      return memo;
    };
    if (responder) {
      const overridden = await responder(call, next);
      if (overridden !== undefined) return overridden;
    }
    return next();
  }
}

function runDefault(spec: MethodSpec, ctx: CallContext): Json {
  try {
    return spec.run(ctx);
  } catch (error) {
    if (error instanceof SlackApiError) return { ok: false, error: error.error, ...error.extra };
    throw error;
  }
}

function authorize(rule: AuthRule, ctx: CallContext): Json | undefined {
  if (rule === 'none') return undefined;
  if (!ctx.token) return { ok: false, error: 'not_authed' };
  if (!ctx.auth) return { ok: false, error: 'invalid_auth' };
  if (ctx.auth.revoked) return { ok: false, error: 'token_revoked' };
  // App-level tokens open sockets and nothing else; bot and user tokens cannot open sockets.
  if ((rule === 'app') !== (ctx.auth.kind === 'app')) return { ok: false, error: 'not_allowed_token_type' };
  return undefined;
}

function sendFailure(res: ServerResponse, failure: FailureOptions): void {
  const headers: Record<string, string> = {};
  const retryAfter = failure.retryAfterSeconds ?? (failure.status === 429 ? 1 : undefined);
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  if (failure.status === 429) {
    sendJson(res, 429, { ok: false, error: failure.error ?? 'ratelimited' }, headers);
  } else if (failure.status !== undefined) {
    sendText(res, failure.status, `${failure.status} (injected by SlackStandIn)`, headers);
  } else {
    sendJson(res, 200, { ok: false, error: failure.error }, headers);
  }
}
