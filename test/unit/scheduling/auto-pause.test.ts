import { describe, expect, it } from 'vitest';
import { type SessionOutcome, shouldAutoPause } from '../../../src/domain/scheduling/auto-pause.ts';

describe('shouldAutoPause', () => {
  it.each<[SessionOutcome[], boolean]>([
    [[], false],
    [['lapsed', 'lapsed'], false],
    [['lapsed', 'lapsed', 'lapsed'], true],
    [['lapsed', 'lapsed', 'lapsed', 'kept'], true],
    [['lapsed', 'kept', 'lapsed', 'lapsed'], false],
    [['kept', 'lapsed', 'lapsed', 'lapsed'], false],
  ])('%j → %s', (outcomes, expected) => {
    expect(shouldAutoPause(outcomes)).toBe(expected);
  });
});
