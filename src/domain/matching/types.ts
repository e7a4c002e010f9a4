/**
 * The plain data the matching engine reads and returns. Everything here is JSON-serialisable so a
 * sweep can log its exact input and be replayed later ("every matching run is reproducible").
 */

/** Ordered from junior to senior; the distance between two levels is their index difference. */
export const LEVELS = ['PM', 'SENIOR', 'STAFF', 'DIRECTOR'] as const;
export type Level = (typeof LEVELS)[number];

/** BOTH means a swap: each interviews the other in turn. */
export const ROLES = ['INTERVIEWER', 'INTERVIEWEE', 'BOTH'] as const;
export type Role = (typeof ROLES)[number];
export const DURATIONS = [30, 45, 60] as const;
export type DurationMinutes = (typeof DURATIONS)[number];

/** Half-open interval [start, end) in UTC epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface OpenRequest {
  id: string;
  memberId: string;
  /** In the member's order of preference. */
  interviewTypes: string[];
  level: Level;
  role: Role;
  durationMinutes: DurationMinutes;
  /** Already expanded from the member's timezone to UTC by the availability module. */
  availability: Interval[];
  /** The member's current UTC offset, used only to judge how far apart two members' days are. */
  timezoneOffsetMinutes: number;
  createdAt: number;
  /** Left out by the previous sweep, so this one should favour it. */
  priority?: boolean;
}

export interface RecentPairing {
  memberA: string;
  memberB: string;
  pairedAt: number;
}

export interface RoleBalance {
  memberId: string;
  interviewType: string;
  given: number;
  received: number;
}

/** Facts about members that come from history rather than from the requests themselves. */
export interface MatchingContext {
  /** Either member of a pair may have blocked the other; direction does not matter. */
  blockedPairs: ReadonlyArray<readonly [string, string]>;
  recentPairings: readonly RecentPairing[];
  /** 0..1 from no-show history; members without history get the configured default. */
  reliability: Readonly<Record<string, number>>;
  /** 0..1 from interviewees' private ratings; members nobody has rated get the configured default. */
  interviewerQuality?: Readonly<Record<string, number>>;
  roleBalance: readonly RoleBalance[];
}

export const EMPTY_CONTEXT: MatchingContext = {
  blockedPairs: [],
  recentPairings: [],
  reliability: {},
  roleBalance: [],
};
