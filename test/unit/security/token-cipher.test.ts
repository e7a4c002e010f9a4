import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCipherKeys, TokenCipher } from '../../../src/security/token-cipher.ts';

const key = () => randomBytes(32).toString('base64');

describe('TokenCipher', () => {
  it('round-trips a token and never stores it in the clear', () => {
    const cipher = new TokenCipher(parseCipherKeys(`k1:${key()}`));
    const sealed = cipher.encrypt('xoxb-secret-token');
    expect(sealed).not.toContain('xoxb');
    expect(sealed.startsWith('v1:k1:')).toBe(true);
    expect(cipher.decrypt(sealed)).toBe('xoxb-secret-token');
    expect(cipher.encrypt('xoxb-secret-token')).not.toBe(sealed);
  });

  it('refuses a tampered ciphertext or a relabelled key id', () => {
    const keys = parseCipherKeys(`k1:${key()},k2:${key()}`);
    const cipher = new TokenCipher(keys);
    const sealed = cipher.encrypt('xoxb-1');
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[4]!, 'base64');
    flipped[0]! ^= 1;
    expect(() => cipher.decrypt([...parts.slice(0, 4), flipped.toString('base64')].join(':'))).toThrow();
    expect(() => cipher.decrypt(['v1', 'k2', ...parts.slice(2)].join(':'))).toThrow();
  });

  it('rotates: a new first key encrypts, the old one still decrypts and is flagged for rewriting', () => {
    const old = `old:${key()}`;
    const sealedBefore = new TokenCipher(parseCipherKeys(old)).encrypt('xoxb-2');
    const rotated = new TokenCipher(parseCipherKeys(`new:${key()},${old}`));
    expect(rotated.decrypt(sealedBefore)).toBe('xoxb-2');
    expect(rotated.needsRotation(sealedBefore)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('xoxb-2'))).toBe(false);
    expect(() => new TokenCipher(parseCipherKeys(`new:${key()}`)).decrypt(sealedBefore)).toThrow(
      /not configured/,
    );
  });

  it.each([
    ['', /at least one key/],
    ['nokey', /id:base64key/],
    [`k1:${Buffer.alloc(16).toString('base64')}`, /32 bytes/],
    [`k1:${key()},k1:${key()}`, /unique/],
  ])('rejects the key list %j', (text, message) => {
    expect(() => parseCipherKeys(text)).toThrow(message);
  });
});
