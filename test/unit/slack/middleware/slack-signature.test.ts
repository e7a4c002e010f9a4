import { createHmac } from 'node:crypto';
import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  hasValidSlackSignature,
  isFreshTimestamp,
} from '../../../../src/slack/middleware/slack-signature.ts';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW_MS = Date.UTC(2026, 11, 7, 12, 0, 0);
const NOW = String(NOW_MS / 1000);

/** What Slack sends: `v0=` and the hex HMAC-SHA256 of `v0:<timestamp>:<body>` under the secret. */
function signed(body: string, timestamp = NOW, secret = SECRET) {
  const hash = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { signature: `v0=${hash}`, timestamp, body: Buffer.from(body) };
}

describe('hasValidSlackSignature', () => {
  const body = 'token=x&team_id=T0TEST&command=%2Fmock&text=help';

  it('accepts what Slack signs, as Bolt does', () => {
    const request = signed(body);
    expect(hasValidSlackSignature(request, SECRET, NOW_MS)).toBe(true);
    expect(
      isValidSlackRequest({
        signingSecret: SECRET,
        body,
        headers: { 'x-slack-signature': request.signature, 'x-slack-request-timestamp': Number(NOW) },
        nowMilliseconds: NOW_MS,
      }),
    ).toBe(true);
  });

  it('signs the bytes as sent, multi-byte characters included', () => {
    expect(hasValidSlackSignature(signed('text=caf%C3%A9 ☕ 面接'), SECRET, NOW_MS)).toBe(true);
  });

  it('refuses another secret, another body, another timestamp', () => {
    expect(hasValidSlackSignature(signed(body, NOW, 'another-secret'), SECRET, NOW_MS)).toBe(false);
    expect(
      hasValidSlackSignature({ ...signed(body), body: Buffer.from(`${body}&x=1`) }, SECRET, NOW_MS),
    ).toBe(false);
    expect(
      hasValidSlackSignature({ ...signed(body), timestamp: String(NOW_MS / 1000 - 1) }, SECRET, NOW_MS),
    ).toBe(false);
  });

  it('refuses signatures of another version, length or case', () => {
    const request = signed(body);
    expect(
      hasValidSlackSignature(
        { ...request, signature: request.signature.replace('v0=', 'v1=') },
        SECRET,
        NOW_MS,
      ),
    ).toBe(false);
    expect(
      hasValidSlackSignature({ ...request, signature: request.signature.slice(0, -1) }, SECRET, NOW_MS),
    ).toBe(false);
    expect(hasValidSlackSignature({ ...request, signature: `${request.signature}0` }, SECRET, NOW_MS)).toBe(
      false,
    );
    expect(
      hasValidSlackSignature({ ...request, signature: request.signature.toUpperCase() }, SECRET, NOW_MS),
    ).toBe(false);
    expect(hasValidSlackSignature({ ...request, signature: '' }, SECRET, NOW_MS)).toBe(false);
  });

  it('refuses everything when no secret is set', () => {
    expect(hasValidSlackSignature(signed(body, NOW, ''), '', NOW_MS)).toBe(false);
  });

  it('refuses a request signed more than five minutes ago, or ahead of our clock', () => {
    const at = (offsetSeconds: number) => signed(body, String(NOW_MS / 1000 + offsetSeconds));
    expect(hasValidSlackSignature(at(-300), SECRET, NOW_MS)).toBe(true);
    expect(hasValidSlackSignature(at(-301), SECRET, NOW_MS)).toBe(false);
    expect(hasValidSlackSignature(at(300), SECRET, NOW_MS)).toBe(true);
    expect(hasValidSlackSignature(at(301), SECRET, NOW_MS)).toBe(false);
  });
});

describe('isFreshTimestamp', () => {
  it('takes whole seconds written as digits only', () => {
    expect(isFreshTimestamp(NOW, NOW_MS)).toBe(true);
    for (const odd of [
      '',
      ' 1796644800',
      '+1796644800',
      '1796644800.0',
      '1.7966448e9',
      '0x6b15e2c0',
      'now',
    ]) {
      expect(isFreshTimestamp(odd, NOW_MS), odd).toBe(false);
    }
  });
});
