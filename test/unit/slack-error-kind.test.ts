import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { classifySlackError, SlackPermanentError } from '../../src/slack/outbound/slack-error-kind.ts';

const platform = (error: string, extra: Record<string, unknown> = {}) =>
  new WebAPIPlatformError({ ok: false, error, ...extra });

describe('classifySlackError', () => {
  it.each([
    ['a 429 with Retry-After 3', new WebAPIRateLimitedError(3), 3_000],
    ['a 429 with Retry-After 0', new WebAPIRateLimitedError(0), 0],
    [
      'ok: false ratelimited with Retry-After',
      platform('ratelimited', { response_metadata: { retryAfter: 7 } }),
      7_000,
    ],
    ['ok: false rate_limited without Retry-After', platform('rate_limited'), 1_000],
  ])('%s is rate limited', (_case, error, retryAfterMs) => {
    expect(classifySlackError(error)).toEqual({ kind: 'rate-limited', retryAfterMs });
  });

  it.each([
    'channel_not_found',
    'is_archived',
    'not_in_channel',
    'user_not_found',
    'user_disabled',
    'account_inactive',
    'cannot_dm_bot',
    'messages_tab_disabled',
    'invalid_blocks',
    'msg_too_long',
    'no_text',
    'token_revoked',
    'invalid_auth',
    'missing_scope',
    'message_not_found',
  ])('%s is permanent', (code) => {
    expect(classifySlackError(platform(code))).toEqual({ kind: 'permanent', code });
  });

  it.each([
    ['an HTTP 500', new WebAPIHTTPError(500, 'Internal Server Error', {}, ''), 'http_500'],
    ['an HTTP 503', new WebAPIHTTPError(503, 'Service Unavailable', {}, ''), 'http_503'],
    ['a timeout', new WebAPIRequestError(new Error('The operation was aborted due to timeout')), 'timeout'],
    ['a refused connection', new WebAPIRequestError(new Error('fetch failed')), 'fetch failed'],
    ['Slack’s internal_error', platform('internal_error'), 'internal_error'],
    ['a code we have never met', platform('something_new'), 'something_new'],
    ['an error that is not Slack’s', new TypeError('boom'), 'boom'],
  ])('%s is transient', (_case, error, reason) => {
    const kind = classifySlackError(error);
    expect(kind.kind).toBe('transient');
    expect(kind.kind === 'transient' && kind.reason).toContain(reason);
  });
});

describe('SlackPermanentError', () => {
  it('is the UnrecoverableError BullMQ stops retrying on, with Slack’s code', () => {
    const error = new SlackPermanentError('chat.postMessage', 'is_archived');
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error.code).toBe('is_archived');
    expect(error.message).toContain('is_archived');
  });
});
