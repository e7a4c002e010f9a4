import { MINUTE_MS, normaliseIntervals, type PackedIntervals, packIntervals } from './common-slots.ts';
import type { MatchingConfig } from './config.ts';
import type { MatchingContext, OpenRequest } from './types.ts';

export const DAY_MS = 24 * 60 * MINUTE_MS;
export const HOUR_MS = 60 * MINUTE_MS;

/**
 * The context of one matching run, indexed for constant-time look-ups: the clock, the
 * configuration and the member history. Pairwise rules read it; nothing writes it.
 */
export interface MatchingRules {
  readonly config: MatchingConfig;
  readonly now: number;
  /** Availability at or after this instant is outside the horizon. */
  readonly horizonEnd: number;
  isBlocked(memberA: string, memberB: string): boolean;
  /** When the two members were last paired, or undefined if never (as far as the context knows). */
  lastPairedAt(memberA: string, memberB: string): number | undefined;
  reliabilityOf(memberId: string): number;
  interviewerQualityOf(memberId: string): number;
  /** Interviews given and received by the member in that interview type. */
  balanceOf(memberId: string, interviewType: string): { given: number; received: number };
  /** The request's availability sorted, merged, clipped to [now, horizonEnd) and packed; cached. */
  freeTimeOf(request: OpenRequest): PackedIntervals;
}

const NO_BALANCE = { given: 0, received: 0 };

/** Order-independent key for a pair of member ids; NUL cannot occur in a Slack id. */
export function memberPairKey(memberA: string, memberB: string): string {
  return memberA < memberB ? `${memberA}\u0000${memberB}` : `${memberB}\u0000${memberA}`;
}

export function createMatchingRules(
  context: MatchingContext,
  config: MatchingConfig,
  now: Date | number,
): MatchingRules {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const horizonEnd = nowMs + config.horizonDays * DAY_MS;
  const blocked = new Set(context.blockedPairs.map(([a, b]) => memberPairKey(a, b)));
  const lastPaired = new Map<string, number>();
  for (const pairing of context.recentPairings) {
    const key = memberPairKey(pairing.memberA, pairing.memberB);
    lastPaired.set(key, Math.max(lastPaired.get(key) ?? Number.NEGATIVE_INFINITY, pairing.pairedAt));
  }
  const balances = new Map<string, { given: number; received: number }>();
  for (const balance of context.roleBalance) {
    balances.set(`${balance.memberId}\u0000${balance.interviewType}`, {
      given: balance.given,
      received: balance.received,
    });
  }
  const freeTime = new WeakMap<OpenRequest, PackedIntervals>();

  return {
    config,
    now: nowMs,
    horizonEnd,
    isBlocked: (a, b) => blocked.has(memberPairKey(a, b)),
    lastPairedAt: (a, b) => lastPaired.get(memberPairKey(a, b)),
    reliabilityOf: (memberId) => clampUnit(context.reliability[memberId] ?? config.defaultReliability),
    interviewerQualityOf: (memberId) =>
      clampUnit(context.interviewerQuality?.[memberId] ?? config.defaultInterviewerQuality),
    balanceOf: (memberId, type) => balances.get(`${memberId}\u0000${type}`) ?? NO_BALANCE,
    freeTimeOf(request) {
      let free = freeTime.get(request);
      if (!free) {
        free = packIntervals(normaliseIntervals(request.availability, nowMs, horizonEnd));
        freeTime.set(request, free);
      }
      return free;
    },
  };
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
