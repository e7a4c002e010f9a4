import {
  WebAPIFileUploadInvalidArgumentsError,
  WebAPIFileUploadReadFileDataError,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { UnrecoverableError } from 'bullmq';

/**
 * What a failed Web API call means for whoever retries it:
 * - `rate-limited`: Slack said "not now"; try again after `retryAfterMs`, never drop;
 * - `transient`: a 5xx, a timeout, a dropped connection, or a code we do not know; retry with backoff;
 * - `permanent`: the same call will fail the same way however often it is tried.
 */
export type SlackErrorKind =
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'transient'; reason: string }
  | { kind: 'permanent'; code: string; needed?: string };

/**
 * Codes that retrying cannot fix: the person or channel is gone or closed to us, the message is
 * malformed, or the token lost its rights. Anything else is treated as transient, so a code we
 * have never met costs a few retries instead of a lost message.
 * (https://docs.slack.dev/reference/methods/chat.postMessage#errors and the other methods' lists.)
 */
const PERMANENT_CODES = new Set([
  // The token or the app.
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'not_allowed_token_type',
  'org_login_required',
  'ekm_access_denied',
  'enterprise_is_restricted',
  'team_access_not_granted',
  'access_denied',
  'two_factor_setup_required',
  'method_deprecated',
  'deprecated_endpoint',
  // The conversation or the person.
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'user_not_in_channel',
  'user_not_found',
  'user_not_visible',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'method_not_supported_for_channel_type',
  'posting_to_general_channel_denied',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'restricted_action_thread_locked',
  'cannot_reply_to_message',
  // The message we asked to change.
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  // The request itself.
  'invalid_arguments',
  'invalid_arg_name',
  'invalid_array_arg',
  'invalid_charset',
  'invalid_form_data',
  'invalid_post_type',
  'missing_post_type',
  'invalid_json',
  'json_not_object',
  'users_list_not_supplied',
  'too_many_users',
  'not_enough_users',
  'invalid_blocks',
  'invalid_blocks_format',
  'block_mismatch',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'attachment_payload_limit_exceeded',
  'as_user_not_supported',
  'file_uploads_disabled',
]);

/** Some methods answer a rate limit with `ok: false` instead of an HTTP 429. */
const RATE_LIMITED_CODES = new Set(['ratelimited', 'rate_limited']);

// Slack always sends Retry-After with a 429; this covers an `ok: false` answer that came without it.
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** Sorts an error thrown by @slack/web-api (or by the network under it) into a SlackErrorKind. */
export function classifySlackError(error: unknown): SlackErrorKind {
  if (error instanceof WebAPIRateLimitedError) {
    return { kind: 'rate-limited', retryAfterMs: Math.max(0, error.retryAfter) * 1_000 };
  }
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    if (RATE_LIMITED_CODES.has(code)) {
      const seconds = Number(error.data.response_metadata?.retryAfter);
      const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : DEFAULT_RETRY_AFTER_MS;
      return { kind: 'rate-limited', retryAfterMs };
    }
    if (PERMANENT_CODES.has(code)) {
      // missing_scope answers name the scope the call needed.
      const needed = (error.data as { needed?: unknown }).needed;
      if (typeof needed === 'string') return { kind: 'permanent', code, needed };
      return { kind: 'permanent', code };
    }
    return { kind: 'transient', reason: code };
  }
  if (error instanceof WebAPIHTTPError) return { kind: 'transient', reason: `http_${error.statusCode}` };
  if (error instanceof WebAPIRequestError) return { kind: 'transient', reason: error.original.message };
  // Bad upload arguments are our bug, and fail the same way every time.
  if (
    error instanceof WebAPIFileUploadInvalidArgumentsError ||
    error instanceof WebAPIFileUploadReadFileDataError
  ) {
    return { kind: 'permanent', code: error.code };
  }
  return { kind: 'transient', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * A Web API call that cannot succeed, as BullMQ's UnrecoverableError so the job fails at once
 * instead of spending its attempts; `code` is Slack's error code for whoever wants to react.
 */
export class SlackPermanentError extends UnrecoverableError {
  constructor(
    readonly method: string,
    readonly code: string,
    /** For missing_scope: the scope Slack said the call needs. */
    readonly needed?: string,
  ) {
    super(`${method} cannot succeed: ${code}`);
    this.name = 'SlackPermanentError';
  }
}
