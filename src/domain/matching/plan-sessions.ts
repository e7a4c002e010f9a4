import type { Availability } from '../availability/availability-schema.ts';
import { expandAvailability } from '../availability/expand-availability.ts';
import { currentOffsetMinutes } from '../availability/time-zone.ts';
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
  startsAt: Date;
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

/** Turns the engine's pairs into sessions; the pair's earliest common slot is the proposed start. */
export function planSessions(matching: PoolMatching): PlannedSession[] {
  return matching.pairs.map((pair) => ({
    interviewType: pair.interviewType,
    startsAt: new Date(pair.slot.start),
    durationMinutes: pair.durationMinutes,
    reason: pair.explanation.summary,
    participants: [
      { requestId: pair.a, memberId: pair.memberA, interviewsFirst: pair.firstInterviewer === pair.a },
      { requestId: pair.b, memberId: pair.memberB, interviewsFirst: pair.firstInterviewer === pair.b },
    ],
  }));
}
