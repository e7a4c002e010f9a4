import type { ScoreWeights } from './config.ts';
import { DAY_MS, HOUR_MS, type MatchingRules } from './matching-rules.ts';
import type { OpenRequest } from './types.ts';

/**
 * How good a compatible pair is, factor by factor, each normalised to 0..1 (1 is best):
 *
 * - overlap: usable common availability / overlapSaturationMinutes, capped at 1 — more common
 *   time means more alternatives to offer if the proposed slot does not suit.
 * - timezone: 1 − (clock difference / 12 h), the difference taken round the clock, so UTC−10 and
 *   UTC+14 count as close: what matters is that both are awake at a sensible hour.
 * - level: 1 − distance / (maxLevelDistance + 1), so the furthest allowed pair still earns some.
 * - waiting: mean over both requests of waited time / waitSaturationHours, capped at 1. Because
 *   every request is in at most one pair this acts per request: older requests win ties.
 * - novelty: 1 for partners never paired; after the cooldown a repeat recovers linearly from 0
 *   over noveltyRecoveryDays (inside the cooldown the pair is not compatible at all).
 * - reliability: the mean of both members' show-up rates (see reliability.ts for why the mean and
 *   not the product).
 * - interviewing: the mean of both members' quality as interviewers, from their interviewees'
 *   private ratings; like reliability, it decides who gets a scarce partner first (good
 *   interviewers are preferred partners), not who is grouped with whom.
 * - priority: the share of the two requests that were left out by the previous sweep.
 *
 * The score is Σ weight × factor, rounded to 0.01, so it lies in [0, Σ weights].
 */
export interface PairFactors {
  overlap: number;
  timezone: number;
  level: number;
  waiting: number;
  novelty: number;
  reliability: number;
  interviewing: number;
  priority: number;
}

export interface PairScore {
  score: number;
  factors: PairFactors;
}

/** The pair facts the scorer needs; `findCompatibility` returns all of them. */
export interface ScoredFacts {
  overlapMinutes: number;
  levelDistance: number;
  lastPairedAt: number | undefined;
}

const HALF_DAY_MINUTES = 12 * 60;

export function timezoneCloseness(offsetA: number, offsetB: number): number {
  const apart = Math.abs(offsetA - offsetB) % (2 * HALF_DAY_MINUTES);
  const roundTheClock = Math.min(apart, 2 * HALF_DAY_MINUTES - apart);
  return 1 - roundTheClock / HALF_DAY_MINUTES;
}

export function waitingFactor(request: OpenRequest, rules: MatchingRules): number {
  const waitedHours = Math.max(0, rules.now - request.createdAt) / HOUR_MS;
  return Math.min(1, waitedHours / rules.config.waitSaturationHours);
}

export function noveltyFactor(lastPairedAt: number | undefined, rules: MatchingRules): number {
  if (lastPairedAt === undefined) return 1;
  const { cooldownDays, noveltyRecoveryDays } = rules.config;
  if (noveltyRecoveryDays <= 0) return 1;
  const daysAfterCooldown = (rules.now - lastPairedAt) / DAY_MS - cooldownDays;
  return Math.min(1, Math.max(0, daysAfterCooldown / noveltyRecoveryDays));
}

/** The per-request half of the factors, computed once per request when scoring many pairs. */
export interface RequestTraits {
  timezoneOffsetMinutes: number;
  waiting: number;
  reliability: number;
  interviewing: number;
  priority: number;
}

export function requestTraits(request: OpenRequest, rules: MatchingRules): RequestTraits {
  return {
    timezoneOffsetMinutes: request.timezoneOffsetMinutes,
    waiting: waitingFactor(request, rules),
    reliability: rules.reliabilityOf(request.memberId),
    interviewing: rules.interviewerQualityOf(request.memberId),
    priority: request.priority ? 1 : 0,
  };
}

export function combineFactors(
  a: RequestTraits,
  b: RequestTraits,
  facts: ScoredFacts,
  rules: MatchingRules,
): PairFactors {
  const { config } = rules;
  return {
    overlap: Math.min(1, facts.overlapMinutes / config.overlapSaturationMinutes),
    timezone: timezoneCloseness(a.timezoneOffsetMinutes, b.timezoneOffsetMinutes),
    level: 1 - facts.levelDistance / (config.maxLevelDistance + 1),
    waiting: (a.waiting + b.waiting) / 2,
    novelty: noveltyFactor(facts.lastPairedAt, rules),
    reliability: (a.reliability + b.reliability) / 2,
    interviewing: (a.interviewing + b.interviewing) / 2,
    priority: (a.priority + b.priority) / 2,
  };
}

export function pairFactors(
  a: OpenRequest,
  b: OpenRequest,
  facts: ScoredFacts,
  rules: MatchingRules,
): PairFactors {
  return combineFactors(requestTraits(a, rules), requestTraits(b, rules), facts, rules);
}

export function weighFactors(factors: PairFactors, weights: ScoreWeights): number {
  const raw =
    weights.overlap * factors.overlap +
    weights.timezone * factors.timezone +
    weights.level * factors.level +
    weights.waiting * factors.waiting +
    weights.novelty * factors.novelty +
    weights.reliability * factors.reliability +
    weights.interviewing * factors.interviewing +
    weights.priority * factors.priority;
  // Rounded so scores are exact integers in hundredths: the matching then runs on integers,
  // and the same input always gives the same pairs on any machine.
  return Math.round(Math.max(0, raw) * 100) / 100;
}

export function scorePair(
  a: OpenRequest,
  b: OpenRequest,
  facts: ScoredFacts,
  rules: MatchingRules,
): PairScore {
  const factors = pairFactors(a, b, facts, rules);
  return { score: weighFactors(factors, rules.config.weights), factors };
}

/** The integer edge weight the matching algorithm works with: the score in units of `resolution` points. */
export function scoreToWeight(score: number, resolution: number): number {
  return Math.round(score / resolution);
}
