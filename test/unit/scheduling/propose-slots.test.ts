import { describe, expect, it } from 'vitest';
import { proposeSlots } from '../../../src/domain/scheduling/propose-slots.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2026-11-23 00:00 UTC.
const MONDAY = Date.UTC(2026, 10, 23);
const rules = {
  now: MONDAY + 8 * HOUR,
  lengthMs: 45 * 60_000,
  stepMs: 15 * 60_000,
  minLeadMs: 30 * 60_000,
  count: 4,
};

/** 18:00–21:00 UTC on each of the given day offsets from Monday. */
const evenings = (...days: number[]) =>
  days.map((day) => ({ start: MONDAY + day * DAY + 18 * HOUR, end: MONDAY + day * DAY + 21 * HOUR }));

describe('proposeSlots', () => {
  it('offers the earliest common slot first, then one per following day', () => {
    const slots = proposeSlots(evenings(0, 1, 2, 3, 4), evenings(0, 1, 2, 3, 4), rules);
    expect(slots.map((slot) => (slot.start - MONDAY) / HOUR)).toEqual([18, 42, 66, 90]);
    expect(slots.every((slot) => slot.end - slot.start === rules.lengthMs)).toBe(true);
  });

  it('uses only the time both share', () => {
    const a = [{ start: MONDAY + 18 * HOUR, end: MONDAY + 21 * HOUR }];
    const b = [{ start: MONDAY + 20 * HOUR, end: MONDAY + 23 * HOUR }];
    expect(proposeSlots(a, b, rules)).toEqual([{ start: MONDAY + 20 * HOUR, end: MONDAY + 20.75 * HOUR }]);
  });

  it('falls back to later times the same day, an hour apart, when days run out', () => {
    const long = [{ start: MONDAY + 12 * HOUR, end: MONDAY + 20 * HOUR }];
    const slots = proposeSlots(long, long, rules);
    expect(slots.map((slot) => (slot.start - MONDAY) / HOUR)).toEqual([12, 13, 14, 15]);
  });

  it('leaves time to confirm and rounds starts to the quarter hour', () => {
    const soon = [{ start: rules.now + 10 * 60_000, end: rules.now + 3 * HOUR }];
    const [first] = proposeSlots(soon, soon, rules);
    expect(first!.start).toBe(rules.now + 30 * 60_000);
    const odd = [{ start: MONDAY + 18 * HOUR + 7 * 60_000, end: MONDAY + 21 * HOUR }];
    expect(proposeSlots(odd, odd, rules)[0]!.start).toBe(MONDAY + 18.25 * HOUR);
  });

  it('offers nothing when no common window holds a whole session', () => {
    const a = [{ start: MONDAY + 18 * HOUR, end: MONDAY + 18.5 * HOUR }];
    expect(proposeSlots(a, a, rules)).toEqual([]);
    expect(proposeSlots(evenings(0), evenings(1), rules)).toEqual([]);
  });
});
