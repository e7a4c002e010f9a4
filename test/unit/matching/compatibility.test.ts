import { describe, expect, it } from 'vitest';
import {
  type Compatibility,
  chooseInterviewType,
  findCompatibility,
} from '../../../src/domain/matching/compatibility.ts';
import { matchingConfig } from '../../../src/domain/matching/config.ts';
import { DAY_MS, HOUR_MS } from '../../../src/domain/matching/matching-rules.ts';
import type { MatchingContext, OpenRequest } from '../../../src/domain/matching/types.ts';
import { hoursFromNow, NOW, request, rulesFor } from './request-fixtures.ts';

type Case = [
  string,
  Partial<OpenRequest>,
  Partial<OpenRequest>,
  Partial<MatchingContext>,
  string | 'compatible',
];

const reasonOf = (result: Compatibility) => (result.compatible ? 'compatible' : result.reason);

describe('findCompatibility: each rule can reject a pair', () => {
  it.each<Case>([
    ['the baseline pair', {}, {}, {}, 'compatible'],
    ['the same member twice', { memberId: 'U1' }, { memberId: 'U1' }, {}, 'same-member'],
    [
      'no shared interview type',
      { interviewTypes: ['strategy'] },
      { interviewTypes: ['execution'] },
      {},
      'no-shared-interview-type',
    ],
    [
      'one shared type among several',
      { interviewTypes: ['strategy', 'execution'] },
      { interviewTypes: ['technical', 'execution'] },
      {},
      'compatible',
    ],
    ['two interviewers', { role: 'INTERVIEWER' }, { role: 'INTERVIEWER' }, {}, 'roles-do-not-fit'],
    ['two interviewees', { role: 'INTERVIEWEE' }, { role: 'INTERVIEWEE' }, {}, 'roles-do-not-fit'],
    ['interviewer and interviewee', { role: 'INTERVIEWER' }, { role: 'INTERVIEWEE' }, {}, 'compatible'],
    ['interviewee and both', { role: 'INTERVIEWEE' }, { role: 'BOTH' }, {}, 'compatible'],
    ['levels one apart (the default limit)', { level: 'SENIOR' }, { level: 'STAFF' }, {}, 'compatible'],
    ['levels two apart', { level: 'PM' }, { level: 'STAFF' }, {}, 'levels-too-far-apart'],
    ['blocked by a', { memberId: 'UA' }, { memberId: 'UB' }, { blockedPairs: [['UA', 'UB']] }, 'blocked'],
    ['blocked by b', { memberId: 'UA' }, { memberId: 'UB' }, { blockedPairs: [['UB', 'UA']] }, 'blocked'],
    [
      'paired 3 days ago',
      { memberId: 'UA' },
      { memberId: 'UB' },
      { recentPairings: [{ memberA: 'UA', memberB: 'UB', pairedAt: NOW - 3 * DAY_MS }] },
      'paired-recently',
    ],
    [
      'paired 20 days ago (after the cooldown)',
      { memberId: 'UA' },
      { memberId: 'UB' },
      { recentPairings: [{ memberA: 'UB', memberB: 'UA', pairedAt: NOW - 20 * DAY_MS }] },
      'compatible',
    ],
    [
      'the latest pairing counts',
      { memberId: 'UA' },
      { memberId: 'UB' },
      {
        recentPairings: [
          { memberA: 'UA', memberB: 'UB', pairedAt: NOW - 40 * DAY_MS },
          { memberA: 'UA', memberB: 'UB', pairedAt: NOW - 2 * DAY_MS },
        ],
      },
      'paired-recently',
    ],
    [
      'no common time',
      { availability: [hoursFromNow(2, 2)] },
      { availability: [hoursFromNow(5, 2)] },
      {},
      'no-common-slot',
    ],
    [
      'common time shorter than the longer session',
      { availability: [hoursFromNow(2, 2)], durationMinutes: 30 },
      { availability: [hoursFromNow(3.25, 2)], durationMinutes: 60 },
      {},
      'no-common-slot',
    ],
    [
      'common time enough for both 45-minute sessions',
      { availability: [hoursFromNow(2, 2)], durationMinutes: 45 },
      { availability: [hoursFromNow(3.25, 2)], durationMinutes: 45 },
      {},
      'compatible',
    ],
    [
      'common time only beyond the horizon',
      { availability: [hoursFromNow(8 * 24, 3)] },
      { availability: [hoursFromNow(8 * 24, 3)] },
      {},
      'no-common-slot',
    ],
    [
      'common time only in the past',
      { availability: [hoursFromNow(-5, 3)] },
      { availability: [hoursFromNow(-5, 3)] },
      {},
      'no-common-slot',
    ],
    [
      '"now" requests that overlap from now on',
      { availability: [hoursFromNow(-1, 2)] },
      { availability: [hoursFromNow(0, 1)] },
      {},
      'compatible',
    ],
  ])('%s', (_name, a, b, context, expected) => {
    const rules = rulesFor(context);
    const first = request(a);
    const second = request(b);
    expect(reasonOf(findCompatibility(first, second, rules))).toBe(expected);
    expect(reasonOf(findCompatibility(second, first, rules))).toBe(expected);
  });

  it('honours a configured level limit', () => {
    const rules = rulesFor({}, matchingConfig({ maxLevelDistance: 3 }));
    expect(reasonOf(findCompatibility(request({ level: 'PM' }), request({ level: 'DIRECTOR' }), rules))).toBe(
      'compatible',
    );
  });
});

describe('findCompatibility: what a compatible pair carries', () => {
  it('proposes the earliest common slot of the longer duration, with usable overlap', () => {
    const a = request({ availability: [hoursFromNow(2, 1), hoursFromNow(30, 3)], durationMinutes: 30 });
    const b = request({ availability: [hoursFromNow(2.5, 2), hoursFromNow(31, 4)], durationMinutes: 45 });
    const result = findCompatibility(a, b, rulesFor());
    expect(result).toMatchObject({
      compatible: true,
      durationMinutes: 45,
      slot: { start: NOW + 31 * HOUR_MS, end: NOW + 31 * HOUR_MS + 45 * 60_000 },
      overlapMinutes: 120,
      levelDistance: 0,
      lastPairedAt: undefined,
    });
  });

  it('lists every shared type and picks the older request’s preference', () => {
    const older = request({
      interviewTypes: ['execution', 'strategy', 'behavioural'],
      createdAt: NOW - 10 * HOUR_MS,
    });
    const newer = request({ interviewTypes: ['behavioural', 'strategy'], createdAt: NOW - HOUR_MS });
    for (const [a, b] of [
      [older, newer],
      [newer, older],
    ] as const) {
      const result = findCompatibility(a, b, rulesFor());
      expect(result.compatible && result.interviewType).toBe('strategy');
    }
    expect(chooseInterviewType(newer, older)).toBe('strategy');
  });
});

describe('who interviews first', () => {
  it.each<[string, Partial<OpenRequest>, Partial<OpenRequest>, Partial<MatchingContext>, 'a' | 'b', boolean]>(
    [
      ['the interviewer, without a swap', { role: 'INTERVIEWEE' }, { role: 'INTERVIEWER' }, {}, 'b', false],
      ['"both" interviews an interviewee', { role: 'BOTH' }, { role: 'INTERVIEWEE' }, {}, 'a', false],
      ['an interviewer interviews "both"', { role: 'BOTH' }, { role: 'INTERVIEWER' }, {}, 'b', false],
      [
        'with a swap, whoever received more than they gave',
        { memberId: 'UA', createdAt: NOW - 9 * HOUR_MS },
        { memberId: 'UB', createdAt: NOW - HOUR_MS },
        { roleBalance: [{ memberId: 'UB', interviewType: 'product-sense', given: 1, received: 4 }] },
        'b',
        true,
      ],
      [
        'balance in another type does not count',
        { memberId: 'UA', createdAt: NOW - 9 * HOUR_MS },
        { memberId: 'UB', createdAt: NOW - HOUR_MS },
        { roleBalance: [{ memberId: 'UB', interviewType: 'strategy', given: 0, received: 9 }] },
        'a',
        true,
      ],
      [
        'with a swap and no history, the older request',
        { createdAt: NOW - HOUR_MS },
        { createdAt: NOW - 5 * HOUR_MS },
        {},
        'b',
        true,
      ],
    ],
  )('%s', (_name, a, b, context, first, swap) => {
    const rules = rulesFor(context);
    const x = request(a);
    const y = request(b);
    const forward = findCompatibility(x, y, rules);
    const backward = findCompatibility(y, x, rules);
    expect(forward.compatible && forward.firstInterviewer).toBe(first);
    expect(forward.compatible && forward.swapRoles).toBe(swap);
    expect(backward.compatible && backward.firstInterviewer).toBe(first === 'a' ? 'b' : 'a');
  });
});
