import type { Availability } from '../availability/availability-schema.ts';
import { expandAvailability } from '../availability/expand-availability.ts';
import { currentOffsetMinutes } from '../availability/time-zone.ts';
import { proposeSlots } from '../scheduling/propose-slots.ts';
import type { PoolMatching } from './solve-pool.ts';
import type { DurationMinutes, Level, OpenRequest, Role } from './types.ts';

/** A request as stored: availability still in the member's own words and zone. */
export interface StoredRequest {
  id: string;
  memberId: string;
  interviewTypes: string[];
  level: Level;
  role: Role;
  durationMinutes: DurationMinutes;
  availability: Availability;
  timezone: string;
  priority: boolean;
  createdAt: Date;
}

export interface PlannedSession {
  interviewType: string;
  /** Both are free now: the session is on without a proposal. */
  status: 'PROPOSED' | 'CONFIRMED';
  startsAt: Date;
  /** The best slot and its alternatives, best first (one entry for a "now" session). */
  proposedSlots: Date[];
  durationMinutes: number;
  reason: string;
  participants: Array<{ requestId: string; memberId: string; interviewsFirst: boolean }>;
}

/** Expands each stored request to UTC for the engine, with the clock passed in. */
export function toOpenRequests(
  requests: readonly StoredRequest[],
  now: Date,
  horizonDays: number,
): OpenRequest[] {
  const nowMs = now.getTime();
  return requests.map((request) => ({
    id: request.id,
    memberId: request.memberId,
    interviewTypes: request.interviewTypes,
    level: request.level,
    role: request.role,
    durationMinutes: request.durationMinutes,
    availability: expandAvailability(request.availability, request.timezone, { now: nowMs, horizonDays }),
    timezoneOffsetMinutes: currentOffsetMinutes(request.timezone, nowMs),
    createdAt: request.createdAt.getTime(),
    priority: request.priority,
  }));
}

export interface PlanRules {
  now: number;
  /** How soon a "now" session starts after the match. */
  nowLeadMs: number;
}

const MINUTE_MS = 60_000;
/** A pair whose first common slot is this close is free now: no proposal, the session is on. */
const NOW_WINDOW_MS = 15 * MINUTE_MS;
/** Proposals leave at least this long to confirm. */
const PROPOSAL_LEAD_MS = 30 * MINUTE_MS;
const PROPOSAL_STEP_MS = 15 * MINUTE_MS;
const PROPOSALS = 4;

/**
 * Turns the engine's pairs into sessions. A pair free right now starts in a few minutes; any other
 * pair gets the best common slot and up to three alternatives on other days to choose from.
 */
export function planSessions(
  matching: PoolMatching,
  requests: readonly OpenRequest[],
  rules: PlanRules,
): PlannedSession[] {
  const byId = new Map(requests.map((request) => [request.id, request]));
  return matching.pairs.map((pair) => {
    const lengthMs = pair.durationMinutes * MINUTE_MS;
    const a = byId.get(pair.a)?.availability ?? [];
    const b = byId.get(pair.b)?.availability ?? [];
    const common = (stepMs: number, minLeadMs: number, count: number) =>
      proposeSlots(a, b, { now: rules.now, lengthMs, stepMs, minLeadMs, count }).map((slot) => slot.start);
    // Free now: the first moment both are free once the lead time has passed, to the second.
    const nowSlot =
      pair.slot.start <= rules.now + rules.nowLeadMs + NOW_WINDOW_MS ? common(1_000, rules.nowLeadMs, 1) : [];
    const freeNow = nowSlot.length > 0;
    let slots = freeNow ? nowSlot : common(PROPOSAL_STEP_MS, PROPOSAL_LEAD_MS, PROPOSALS);
    if (slots.length === 0) slots = [pair.slot.start];
    return {
      interviewType: pair.interviewType,
      status: freeNow ? 'CONFIRMED' : 'PROPOSED',
      startsAt: new Date(slots[0]!),
      proposedSlots: slots.map((start) => new Date(start)),
      durationMinutes: pair.durationMinutes,
      reason: pair.explanation.summary,
      participants: [
        { requestId: pair.a, memberId: pair.memberA, interviewsFirst: pair.firstInterviewer === pair.a },
        { requestId: pair.b, memberId: pair.memberB, interviewsFirst: pair.firstInterviewer === pair.b },
      ],
    };
  });
}
