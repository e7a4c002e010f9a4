import { describe, expect, it } from 'vitest';
import {
  earliestSlot,
  intersectIntervals,
  MINUTE_MS,
  measureSharedAvailability,
  normaliseIntervals,
  packIntervals,
  roundUpToStep,
  totalMinutes,
  usableSharedMinutes,
} from '../../../src/domain/matching/common-slots.ts';
import type { Interval } from '../../../src/domain/matching/types.ts';

const m = (minutes: number) => minutes * MINUTE_MS;
const iv = (start: number, end: number): Interval => ({ start: m(start), end: m(end) });

describe('normaliseIntervals', () => {
  it.each<[string, Interval[], Interval[]]>([
    ['empty', [], []],
    ['sorts', [iv(50, 60), iv(10, 20)], [iv(10, 20), iv(50, 60)]],
    ['merges overlapping', [iv(10, 30), iv(20, 40)], [iv(10, 40)]],
    ['merges touching', [iv(10, 20), iv(20, 30)], [iv(10, 30)]],
    ['merges contained', [iv(10, 100), iv(20, 30)], [iv(10, 100)]],
    ['clips to the window', [iv(-50, 20), iv(990, 1200)], [iv(0, 20), iv(990, 1000)]],
    ['drops what lies outside', [iv(-50, -10), iv(1000, 1100)], []],
    ['drops empty and inverted', [iv(10, 10), iv(30, 20)], []],
  ])('%s', (_name, input, expected) => {
    expect(normaliseIntervals(input, m(0), m(1000))).toEqual(expected);
  });
});

describe('intersectIntervals', () => {
  it.each<[string, Interval[], Interval[], Interval[]]>([
    ['nothing in common', [iv(0, 10)], [iv(20, 30)], []],
    ['touching is not overlapping', [iv(0, 10)], [iv(10, 20)], []],
    ['partial', [iv(0, 60)], [iv(30, 90)], [iv(30, 60)]],
    ['one inside the other', [iv(0, 100)], [iv(20, 40), iv(60, 80)], [iv(20, 40), iv(60, 80)]],
    [
      'several pieces',
      [iv(0, 30), iv(50, 90)],
      [iv(20, 60), iv(80, 120)],
      [iv(20, 30), iv(50, 60), iv(80, 90)],
    ],
    ['one side empty', [], [iv(0, 10)], []],
  ])('%s', (_name, a, b, expected) => {
    expect(intersectIntervals(a, b)).toEqual(expected);
    expect(intersectIntervals(b, a)).toEqual(expected);
  });
});

describe('earliestSlot', () => {
  it.each<[string, Interval[], number, Interval | null]>([
    ['fits in the first interval', [iv(0, 60)], 60, iv(0, 60)],
    ['too short everywhere', [iv(0, 59), iv(100, 140)], 60, null],
    ['skips a short interval', [iv(0, 30), iv(100, 200)], 60, iv(100, 160)],
    ['rounds the start up to the grid', [iv(2, 70)], 60, iv(5, 65)],
    ['rounding can push it out', [iv(2, 63)], 60, null],
    ['nothing at all', [], 30, null],
  ])('%s', (_name, intervals, minutes, expected) => {
    expect(earliestSlot(intervals, m(minutes), m(5))).toEqual(expected);
  });
});

describe('measureSharedAvailability and usableSharedMinutes', () => {
  it.each<[string, Interval[], Interval[], number, number, number]>([
    // name, a, b, session minutes, earliest start (minutes, −1 none), usable minutes
    ['one common hour', [iv(0, 120)], [iv(60, 180)], 60, 60, 60],
    ['common time shorter than the session', [iv(0, 90)], [iv(45, 200)], 60, -1, 0],
    ['short pieces do not count as usable', [iv(0, 40), iv(100, 300)], [iv(0, 300)], 60, 100, 200],
    ['earliest is grid-aligned', [iv(3, 200)], [iv(0, 200)], 60, 5, 197],
    ['no overlap', [iv(0, 60)], [iv(60, 120)], 30, -1, 0],
    ['several usable pieces', [iv(0, 60), iv(120, 240)], [iv(0, 240)], 45, 0, 180],
  ])('%s', (_name, a, b, session, earliest, usable) => {
    const shared = measureSharedAvailability(packIntervals(a), packIntervals(b), m(session), m(5));
    expect(shared.earliestStart).toBe(earliest < 0 ? -1 : m(earliest));
    expect(shared.usableMinutes).toBe(usable);
    const packed = packIntervals([...a, ...b]);
    const fromPacked = usableSharedMinutes(
      packed,
      0,
      2 * a.length,
      2 * a.length,
      packed.length,
      m(session),
      m(5),
    );
    expect(fromPacked).toBe(earliest < 0 ? -1 : usable);
  });
});

describe('small helpers', () => {
  it('rounds up to the step and leaves aligned times alone', () => {
    expect(roundUpToStep(m(7), m(5))).toBe(m(10));
    expect(roundUpToStep(m(10), m(5))).toBe(m(10));
  });
  it('totals packed minutes', () => {
    expect(totalMinutes(packIntervals([iv(0, 30), iv(60, 100)]))).toBe(70);
  });
});
