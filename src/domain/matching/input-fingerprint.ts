import type { MatchingConfig } from './config.ts';
import type { MatchingContext, OpenRequest } from './types.ts';

/**
 * A short, stable digest of a matching run's input, logged with the run: replaying the logged
 * input must reproduce the fingerprint and then, since the engine is deterministic, the pairs.
 * The hash is cyrb53-style (two 32-bit multiply–xor lanes), fed field by field rather than via
 * JSON.stringify, which on a 10,000-request pool would cost more than the rest of the summary.
 * It tells inputs apart; it is not a security measure.
 */
export function fingerprintInput(
  requests: readonly OpenRequest[],
  context: MatchingContext,
  config: MatchingConfig,
  now: number,
): string {
  const hash = new StreamingHash();
  hash.number(now);
  hash.text(JSON.stringify(config));
  for (const r of requests) {
    hash.text(r.id);
    hash.text(r.memberId);
    for (const type of r.interviewTypes) hash.text(type);
    hash.text(r.level);
    hash.text(r.role);
    hash.number(r.durationMinutes);
    for (const interval of r.availability) {
      hash.number(interval.start);
      hash.number(interval.end);
    }
    hash.number(r.timezoneOffsetMinutes);
    hash.number(r.createdAt);
    hash.number(r.priority ? 1 : 0);
  }
  for (const [a, b] of context.blockedPairs) {
    hash.text(a);
    hash.text(b);
  }
  for (const pairing of context.recentPairings) {
    hash.text(pairing.memberA);
    hash.text(pairing.memberB);
    hash.number(pairing.pairedAt);
  }
  for (const member of Object.keys(context.reliability).sort()) {
    hash.text(member);
    hash.number(context.reliability[member]!);
  }
  for (const balance of context.roleBalance) {
    hash.text(balance.memberId);
    hash.text(balance.interviewType);
    hash.number(balance.given);
    hash.number(balance.received);
  }
  return hash.digest();
}

const numberView = new Float64Array(1);
const numberWords = new Uint32Array(numberView.buffer);

class StreamingHash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  text(value: string): void {
    for (let i = 0; i < value.length; i++) this.mix(value.charCodeAt(i));
    this.mix(0xffff); // separator, so ["ab", "c"] and ["a", "bc"] differ
  }

  number(value: number): void {
    numberView[0] = value;
    this.mix(numberWords[0]!);
    this.mix(numberWords[1]!);
  }

  digest(): string {
    let h1 =
      Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    h1 >>>= 0;
    return (4294967296 * (2097151 & h2) + h1).toString(16).padStart(14, '0');
  }

  private mix(word: number): void {
    this.h1 = Math.imul(this.h1 ^ word, 2654435761);
    this.h2 = Math.imul(this.h2 ^ word, 1597334677);
  }
}
