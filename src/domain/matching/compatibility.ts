import { MINUTE_MS, measureSharedAvailability } from './common-slots.ts';
import { decideInterviewerOrder, type InterviewerOrder, rolesFit } from './interviewer-order.ts';
import { DAY_MS, type MatchingRules } from './matching-rules.ts';
import { type Interval, LEVELS, type Level, type OpenRequest } from './types.ts';

export type IncompatibilityReason =
  | 'same-member'
  | 'no-shared-interview-type'
  | 'roles-do-not-fit'
  | 'levels-too-far-apart'
  | 'blocked'
  | 'paired-recently'
  | 'no-common-slot';

export interface CompatiblePair extends InterviewerOrder {
  compatible: true;
  /** The type the session will practise; see `chooseInterviewType`. */
  interviewType: string;
  sharedInterviewTypes: string[];
  /** The earliest common slot, the length of the longer of the two requested durations. */
  slot: Interval;
  durationMinutes: number;
  /** Common availability in pieces long enough for a session, within the horizon. */
  overlapMinutes: number;
  levelDistance: number;
  /** When the two were last paired, if ever (outside the cooldown, or they would be refused). */
  lastPairedAt: number | undefined;
}

export type Compatibility = { compatible: false; reason: IncompatibilityReason } | CompatiblePair;

export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}

export function levelDistance(a: Level, b: Level): number {
  return Math.abs(levelIndex(a) - levelIndex(b));
}

/**
 * The older request's most preferred type that the other request also lists: the member who has
 * waited longer gets the practice they asked for first. Ties go to the smaller id.
 */
export function chooseInterviewType(a: OpenRequest, b: OpenRequest): string | undefined {
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id <= b.id);
  const [older, newer] = aFirst ? [a, b] : [b, a];
  return older.interviewTypes.find((type) => newer.interviewTypes.includes(type));
}

/** Whether a repeat pairing is still inside the hard cooldown. */
export function insideCooldown(lastPairedAt: number | undefined, rules: MatchingRules): boolean {
  return lastPairedAt !== undefined && rules.now - lastPairedAt < rules.config.cooldownDays * DAY_MS;
}

/**
 * Every hard rule of matching, checked cheapest first. The first rule that
 * fails is the reason; when all pass, the result carries what the intro and the scorer need.
 */
export function findCompatibility(a: OpenRequest, b: OpenRequest, rules: MatchingRules): Compatibility {
  if (a.memberId === b.memberId) return { compatible: false, reason: 'same-member' };
  const interviewType = chooseInterviewType(a, b);
  if (interviewType === undefined) return { compatible: false, reason: 'no-shared-interview-type' };
  if (!rolesFit(a.role, b.role)) return { compatible: false, reason: 'roles-do-not-fit' };
  const distance = levelDistance(a.level, b.level);
  if (distance > rules.config.maxLevelDistance) return { compatible: false, reason: 'levels-too-far-apart' };
  if (rules.isBlocked(a.memberId, b.memberId)) return { compatible: false, reason: 'blocked' };
  const lastPairedAt = rules.lastPairedAt(a.memberId, b.memberId);
  if (insideCooldown(lastPairedAt, rules)) return { compatible: false, reason: 'paired-recently' };

  const durationMinutes = Math.max(a.durationMinutes, b.durationMinutes);
  const lengthMs = durationMinutes * MINUTE_MS;
  const shared = measureSharedAvailability(
    rules.freeTimeOf(a),
    rules.freeTimeOf(b),
    lengthMs,
    rules.config.slotStepMinutes * MINUTE_MS,
  );
  if (shared.earliestStart < 0) return { compatible: false, reason: 'no-common-slot' };

  return {
    compatible: true,
    interviewType,
    sharedInterviewTypes: a.interviewTypes.filter((type) => b.interviewTypes.includes(type)),
    slot: { start: shared.earliestStart, end: shared.earliestStart + lengthMs },
    durationMinutes,
    overlapMinutes: shared.usableMinutes,
    levelDistance: distance,
    lastPairedAt,
    ...decideInterviewerOrder(a, b, interviewType, rules),
  };
}
