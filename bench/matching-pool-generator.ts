import { DAY_MS, HOUR_MS } from '../src/domain/matching/matching-rules.ts';
import { type SeededRandom, seededRandom } from '../src/domain/matching/seeded-random.ts';
import type {
  DurationMinutes,
  Interval,
  Level,
  MatchingContext,
  OpenRequest,
  RecentPairing,
  Role,
  RoleBalance,
} from '../src/domain/matching/types.ts';

/**
 * Realistic open-request pools for the matching benchmark, fully determined by a seed.
 *
 * Members live in real IANA zones weighted roughly by where interview-prep communities are
 * (North America, Europe, India, East Asia, Australia…). Local → UTC uses one fixed offset per
 * zone, taken for the benchmark's week (early March 2026, before either DST switch); the
 * DST-correct expansion is the availability module's job, not the matcher's.
 */
export const BENCH_NOW = Date.UTC(2026, 2, 2, 12, 0); // Monday 2 March 2026, 12:00 UTC

const ZONES: ReadonlyArray<readonly [string, number, number]> = [
  // [zone, UTC offset in minutes that week, population weight]
  ['America/Los_Angeles', -480, 8],
  ['America/Denver', -420, 2],
  ['America/Chicago', -360, 5],
  ['America/Mexico_City', -360, 2],
  ['America/New_York', -300, 10],
  ['America/Toronto', -300, 3],
  ['America/Bogota', -300, 1],
  ['America/Sao_Paulo', -180, 4],
  ['Europe/London', 0, 8],
  ['Europe/Dublin', 0, 1],
  ['Europe/Berlin', 60, 6],
  ['Europe/Paris', 60, 4],
  ['Europe/Amsterdam', 60, 2],
  ['Europe/Madrid', 60, 2],
  ['Europe/Warsaw', 60, 2],
  ['Africa/Lagos', 60, 2],
  ['Europe/Kyiv', 120, 1],
  ['Africa/Nairobi', 180, 1],
  ['Asia/Dubai', 240, 2],
  ['Asia/Kolkata', 330, 12],
  ['Asia/Kathmandu', 345, 1],
  ['Asia/Singapore', 480, 3],
  ['Asia/Shanghai', 480, 3],
  ['Australia/Perth', 480, 1],
  ['Asia/Tokyo', 540, 3],
  ['Asia/Seoul', 540, 2],
  ['Australia/Sydney', 660, 3],
  ['Pacific/Auckland', 780, 1],
];

const TYPES: ReadonlyArray<readonly [string, number]> = [
  ['product-sense', 30],
  ['execution', 25],
  ['behavioural', 20],
  ['strategy', 12],
  ['technical', 10],
  ['reverse-interview', 3],
];
const LEVEL_WEIGHTS: ReadonlyArray<readonly [Level, number]> = [
  ['PM', 35],
  ['SENIOR', 35],
  ['STAFF', 20],
  ['DIRECTOR', 10],
];
const ROLE_WEIGHTS: ReadonlyArray<readonly [Role, number]> = [
  ['BOTH', 70],
  ['INTERVIEWEE', 20],
  ['INTERVIEWER', 10],
];
const DURATION_WEIGHTS: ReadonlyArray<readonly [DurationMinutes, number]> = [
  [60, 50],
  [45, 30],
  [30, 20],
];

export interface GeneratedPool {
  requests: OpenRequest[];
  context: MatchingContext;
  now: number;
  zones: Record<string, number>;
}

export function generatePool(size: number, seed: number, now = BENCH_NOW): GeneratedPool {
  const random = seededRandom(seed);
  const requests: OpenRequest[] = [];
  const zones: Record<string, number> = {};
  const width = String(size).length;
  for (let i = 0; i < size; i++) {
    const [zone, offset] = random.weighted(ZONES.map((z) => [z, z[2]] as const));
    zones[zone] = (zones[zone] ?? 0) + 1;
    const typeCount = random.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const);
    const types = new Set<string>();
    while (types.size < typeCount) types.add(random.weighted(TYPES));
    requests.push({
      id: `req-${String(i).padStart(width, '0')}`,
      memberId: `U${String(i).padStart(width, '0')}`,
      interviewTypes: [...types],
      level: random.weighted(LEVEL_WEIGHTS),
      role: random.weighted(ROLE_WEIGHTS),
      durationMinutes: random.weighted(DURATION_WEIGHTS),
      availability: availabilityFor(random, offset, now),
      timezoneOffsetMinutes: offset,
      // Most requests are fresh; a tail has waited days.
      createdAt: now - Math.floor(random.next() ** 2 * 10 * DAY_MS),
      priority: random.chance(0.03),
    });
  }
  return { requests, context: historyFor(random, requests, now), now, zones };
}

/** Evening windows on some weekdays, daytime windows at weekends, lunch breaks, or "free now". */
function availabilityFor(random: SeededRandom, offsetMinutes: number, now: number): Interval[] {
  if (random.chance(0.08)) return [{ start: now, end: now + random.int(2, 6) * 30 * 60_000 }];
  const windows: Interval[] = [];
  const localNow = now + offsetMinutes * 60_000;
  const localMidnight = localNow - (localNow % DAY_MS);
  for (let day = 0; day < 8; day++) {
    const midnightUtc = localMidnight + day * DAY_MS - offsetMinutes * 60_000;
    const weekday = new Date(localMidnight + day * DAY_MS).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const add = (startHour: number, hours: number) =>
      windows.push({
        start: midnightUtc + startHour * HOUR_MS,
        end: midnightUtc + (startHour + hours) * HOUR_MS,
      });
    if (weekend) {
      if (random.chance(0.45)) add(random.int(16, 32) / 2, random.int(4, 8) / 2);
    } else {
      if (random.chance(0.55)) add(random.int(34, 40) / 2, random.int(3, 7) / 2);
      if (random.chance(0.12)) add(12, 1.5);
    }
  }
  return windows;
}

/** Blocks, recent partners, no-show history and role balance for some of the members. */
function historyFor(random: SeededRandom, requests: readonly OpenRequest[], now: number): MatchingContext {
  const members = requests.map((request) => request.memberId);
  const blockedPairs: Array<readonly [string, string]> = [];
  const recentPairings: RecentPairing[] = [];
  const reliability: Record<string, number> = {};
  const roleBalance: RoleBalance[] = [];
  for (const request of requests) {
    const member = request.memberId;
    if (random.chance(0.01)) blockedPairs.push([member, random.pick(members)]);
    if (random.chance(0.25)) {
      for (let k = random.int(1, 3); k > 0; k--) {
        recentPairings.push({
          memberA: member,
          memberB: random.pick(members),
          pairedAt: now - random.int(1, 60) * DAY_MS,
        });
      }
    }
    if (random.chance(0.7))
      reliability[member] = random.chance(0.1) ? 0.3 + random.next() * 0.4 : 0.75 + random.next() * 0.25;
    if (random.chance(0.3)) {
      for (const type of request.interviewTypes) {
        roleBalance.push({
          memberId: member,
          interviewType: type,
          given: random.int(0, 6),
          received: random.int(0, 6),
        });
      }
    }
  }
  return { blockedPairs, recentPairings, reliability, roleBalance };
}
