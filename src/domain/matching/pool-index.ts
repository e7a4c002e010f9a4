import { type PackedIntervals, totalMinutes } from './common-slots.ts';
import { levelIndex } from './compatibility.ts';
import type { MatchingRules } from './matching-rules.ts';
import { LEVELS, type MatchingContext, type OpenRequest, type Role } from './types.ts';

/**
 * A pool of requests compiled for pair evaluation at scale: small integers and typed arrays in
 * place of strings, and requests grouped by (interview type, level, UTC offset). Every group has
 * an upper bound on the affinity it can offer a given request, so the candidate search can visit
 * groups best first and stop as soon as no remaining group can improve a shortlist.
 */
export interface PoolIndex {
  readonly requests: readonly OpenRequest[];
  readonly levels: Int8Array;
  readonly roles: Int8Array;
  readonly memberIndex: Int32Array;
  readonly offsets: Int32Array;
  /** Everyone's free time in one packed array; request i owns [freeStart[i], freeStart[i + 1]). */
  readonly freeTime: PackedIntervals;
  readonly freeStart: Int32Array;
  readonly freeMinutes: Float64Array;
  /** Coarse time cells a request is free in, as a 64-bit set split in two words. */
  readonly cellsLow: Uint32Array;
  readonly cellsHigh: Uint32Array;
  readonly cellMinutes: number;
  /** Distinct UTC offsets in the pool, ascending. */
  readonly zoneOffsets: readonly number[];
  /** group id = (type × levels + level) × zones + zone → request indices, ascending. */
  readonly groups: ReadonlyArray<Int32Array>;
  /**
   * The same groups split by time cell: bucket (group × 64 + cell) holds the group's requests
   * free in that cell, ascending, at bucketMembers[bucketStart[b] .. bucketStart[b + 1]). Lets a
   * request in a large group look only at members it could share a slot with.
   */
  readonly bucketStart: Int32Array;
  readonly bucketMembers: Int32Array;
  readonly typesOf: ReadonlyArray<Int32Array>;
  readonly zoneOf: Int32Array;
  /** Members with blocks or recent partners; everyone else skips those look-ups. */
  readonly hasHistory: Uint8Array;
  readonly blockedWith: ReadonlyMap<number, ReadonlySet<number>>;
  readonly lastPairedWith: ReadonlyMap<number, ReadonlyMap<number, number>>;
}

export const LEVEL_COUNT = LEVELS.length;
/** Roles by their small-integer code. */
export const ROLES: readonly Role[] = ['INTERVIEWER', 'INTERVIEWEE', 'BOTH'];

export function indexPool(
  requests: readonly OpenRequest[],
  context: MatchingContext,
  rules: MatchingRules,
): PoolIndex {
  const n = requests.length;
  const typeIds = new Map<string, number>();
  for (const type of [...new Set(requests.flatMap((r) => r.interviewTypes))].sort())
    typeIds.set(type, typeIds.size);
  const zoneOffsets = [...new Set(requests.map((r) => r.timezoneOffsetMinutes))].sort((x, y) => x - y);
  const zoneIds = new Map(zoneOffsets.map((offset, z) => [offset, z]));
  const zones = zoneOffsets.length;
  const memberIds = new Map<string, number>();
  const memberIndex = new Int32Array(n);
  const levels = new Int8Array(n);
  const roles = new Int8Array(n);
  const offsets = new Int32Array(n);
  const zoneOf = new Int32Array(n);
  const freeMinutes = new Float64Array(n);
  const cellsLow = new Uint32Array(n);
  const cellsHigh = new Uint32Array(n);
  const freeOf: PackedIntervals[] = [];
  const typesOf: Int32Array[] = [];
  const groups: number[][] = Array.from({ length: typeIds.size * LEVEL_COUNT * zones }, () => []);
  const cellMs = Math.max(3_600_000, Math.ceil((rules.horizonEnd - rules.now) / 64));

  requests.forEach((request, i) => {
    let member = memberIds.get(request.memberId);
    if (member === undefined) {
      member = memberIds.size;
      memberIds.set(request.memberId, member);
    }
    memberIndex[i] = member;
    levels[i] = levelIndex(request.level);
    roles[i] = ROLES.indexOf(request.role);
    offsets[i] = request.timezoneOffsetMinutes;
    zoneOf[i] = zoneIds.get(request.timezoneOffsetMinutes)!;
    const free = rules.freeTimeOf(request);
    freeOf.push(free);
    freeMinutes[i] = totalMinutes(free);
    for (let k = 0; k < free.length; k += 2) {
      const first = Math.floor((free[k]! - rules.now) / cellMs);
      const last = Math.min(63, Math.floor((free[k + 1]! - 1 - rules.now) / cellMs));
      for (let cell = first; cell <= last; cell++) {
        if (cell < 32) cellsLow[i]! |= 1 << cell;
        else cellsHigh[i]! |= 1 << (cell - 32);
      }
    }
    const types = Int32Array.from(new Set(request.interviewTypes), (type) => typeIds.get(type)!);
    typesOf.push(types);
    for (const t of types) groups[(t * LEVEL_COUNT + levels[i]!) * zones + zoneOf[i]!]!.push(i);
  });

  const freeStart = new Int32Array(n + 1);
  freeOf.forEach((free, i) => {
    freeStart[i + 1] = freeStart[i]! + free.length;
  });
  const freeTime = new Float64Array(freeStart[n]!);
  freeOf.forEach((free, i) => {
    freeTime.set(free, freeStart[i]!);
  });

  const groupLists = groups.map((list) => Int32Array.from(list));
  return {
    requests,
    freeStart,
    levels,
    roles,
    memberIndex,
    offsets,
    freeTime,
    freeMinutes,
    cellsLow,
    cellsHigh,
    cellMinutes: cellMs / 60_000,
    zoneOffsets,
    groups: groupLists,
    ...indexBuckets(groupLists, cellsLow, cellsHigh),
    typesOf,
    zoneOf,
    ...indexHistory(context, memberIds, n, memberIndex),
  };
}

export const CELL_COUNT = 64;

/** Counting sort of every group's members into (group, time cell) buckets, kept ascending. */
function indexBuckets(groups: readonly Int32Array[], cellsLow: Uint32Array, cellsHigh: Uint32Array) {
  const bucketStart = new Int32Array(groups.length * CELL_COUNT + 1);
  const eachCell = (i: number, visit: (cell: number) => void) => {
    for (let word = cellsLow[i]!; word !== 0; word &= word - 1) visit(31 - Math.clz32(word & -word));
    for (let word = cellsHigh[i]!; word !== 0; word &= word - 1) visit(63 - Math.clz32(word & -word));
  };
  groups.forEach((members, group) => {
    for (const i of members) eachCell(i, (cell) => bucketStart[group * CELL_COUNT + cell + 1]!++);
  });
  for (let b = 0; b < groups.length * CELL_COUNT; b++) bucketStart[b + 1]! += bucketStart[b]!;
  const fill = bucketStart.slice(0, groups.length * CELL_COUNT);
  const bucketMembers = new Int32Array(bucketStart[groups.length * CELL_COUNT]!);
  groups.forEach((members, group) => {
    for (const i of members) eachCell(i, (cell) => (bucketMembers[fill[group * CELL_COUNT + cell]!++] = i));
  });
  return { bucketStart, bucketMembers };
}

function indexHistory(
  context: MatchingContext,
  memberIds: ReadonlyMap<string, number>,
  n: number,
  memberIndex: Int32Array,
) {
  const blockedWith = new Map<number, Set<number>>();
  const lastPairedWith = new Map<number, Map<number, number>>();
  for (const [a, b] of context.blockedPairs) {
    const ia = memberIds.get(a);
    const ib = memberIds.get(b);
    if (ia === undefined || ib === undefined) continue;
    addTo(blockedWith, ia, ib);
    addTo(blockedWith, ib, ia);
  }
  for (const pairing of context.recentPairings) {
    const ia = memberIds.get(pairing.memberA);
    const ib = memberIds.get(pairing.memberB);
    if (ia === undefined || ib === undefined) continue;
    const latest = Math.max(pairing.pairedAt, lastPairedWith.get(ia)?.get(ib) ?? Number.NEGATIVE_INFINITY);
    setIn(lastPairedWith, ia, ib, latest);
    setIn(lastPairedWith, ib, ia, latest);
  }
  const hasHistory = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const member = memberIndex[i]!;
    if (blockedWith.has(member) || lastPairedWith.has(member)) hasHistory[i] = 1;
  }
  return { hasHistory, blockedWith, lastPairedWith };
}

function addTo(map: Map<number, Set<number>>, key: number, value: number): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function setIn(map: Map<number, Map<number, number>>, key: number, other: number, value: number): void {
  const inner = map.get(key);
  if (inner) inner.set(other, value);
  else map.set(key, new Map([[other, value]]));
}
