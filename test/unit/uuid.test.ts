import { describe, expect, it } from 'vitest';
import { isUuid, uuidOrNull } from '../../src/domain/uuid.ts';

describe('uuidOrNull', () => {
  it('gives back an id a row could have', () => {
    expect(uuidOrNull('6f1c2b1e-1111-4222-8333-444455556666')).toBe('6f1c2b1e-1111-4222-8333-444455556666');
    expect(isUuid('6F1C2B1E-1111-4222-8333-444455556666')).toBe(true);
  });

  it('gives null for what a forged button might carry', () => {
    for (const value of [
      undefined,
      null,
      42,
      '',
      'session-1',
      '6f1c2b1e-1111-4222-8333-44445555666',
      "' OR 1=1 --",
    ]) {
      expect(uuidOrNull(value), String(value)).toBeNull();
    }
  });
});
