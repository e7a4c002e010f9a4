import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts Slack tokens at rest with AES-256-GCM (authenticated: a tampered row fails to decrypt
 * instead of yielding a wrong token). Keys come from configuration as `id:base64key` pairs, the
 * first being current. Every ciphertext names its key id, so rotation is: put a new key first,
 * keep the old one listed, restart; rows are re-encrypted with the new key as they are read
 * (TokenCipher.needsRotation), and the old key can be dropped once none still uses it.
 */

const VERSION = 'v1';
const IV_BYTES = 12;

export interface CipherKey {
  id: string;
  key: Buffer;
}

/** Reads `id:base64,id:base64`; each key must decode to 32 bytes. Throws a readable error. */
export function parseCipherKeys(text: string): CipherKey[] {
  const keys = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const separator = part.indexOf(':');
      if (separator <= 0) throw new Error('each key is written id:base64key, e.g. 2026a:…');
      const id = part.slice(0, separator);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
        throw new Error(`key id "${id}" may use letters, digits, - and _ only`);
      const key = Buffer.from(part.slice(separator + 1), 'base64');
      if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes (openssl rand -base64 32)`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('give at least one key');
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}

export class TokenCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: CipherKey;

  constructor(keys: readonly CipherKey[]) {
    if (!keys[0]) throw new Error('TokenCipher needs a key');
    this.current = keys[0];
    this.keys = new Map(keys.map((key) => [key.id, key.key]));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    // The key id is bound in as associated data, so a ciphertext cannot be relabelled.
    cipher.setAAD(Buffer.from(this.current.id));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      this.current.id,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  decrypt(sealed: string): string {
    const [version, keyId, iv, tag, data] = sealed.split(':');
    if (version !== VERSION || !keyId || !iv || !tag || data === undefined)
      throw new Error('not a sealed token');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`token sealed with key "${keyId}", which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** True when the value was sealed with an older key and should be written again. */
  needsRotation(sealed: string): boolean {
    return sealed.split(':')[1] !== this.current.id;
  }
}
