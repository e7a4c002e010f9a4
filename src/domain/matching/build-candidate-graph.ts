import type { EdgeList } from './blossom-state.ts';
import { MINUTE_MS, usableSharedMinutes } from './common-slots.ts';
import { insideCooldown } from './compatibility.ts';
import { EdgeBuffer } from './edge-buffer.ts';
import { rolesFit } from './interviewer-order.ts';
import type { MatchingRules } from './matching-rules.ts';
import { CELL_COUNT, indexPool, LEVEL_COUNT, type PoolIndex, ROLES } from './pool-index.ts';
import {
  combineFactors,
  noveltyFactor,
  type RequestTraits,
  requestTraits,
  timezoneCloseness,
  weighFactors,
} from './score-pair.ts';
import { TopCandidates } from './top-candidates.ts';
import type { MatchingContext, OpenRequest } from './types.ts';

/**
 * The compatibility graph of a pool: one vertex per request (in the given order), one edge per
 * compatible pair, weighted by its full score in integer units of `scoreResolution` points.
 *
 * Sparsified: each request shortlists the `candidatesPerRequest` partners with the highest pair
 * affinity, and an edge stays if either end shortlisted it, so nobody loses their only options.
 * Affinity is the pair-specific part of the score — overlap, timezone, level, novelty. Waiting
 * time, priority and reliability are left out of it on purpose: they belong to the partner, not
 * to the pair, so ranking by them makes every request shortlist the same few long-waiting,
 * reliable members, and those shortlists cannot pair everyone (measured: 1,874 pairs instead of
 * * 4,987 at 10,000). They still count in full in the edge weights the matching maximises.
 *
 * Finding the shortlists never looks at all n² pairs: requests are grouped by (type, level, UTC
 * offset), and each request visits groups in order of the best affinity they could offer,
 * stopping once no remaining group can beat its current shortlist. A small group is searched
 * whole (so small pools get the exact shortlists); in a large one a request looks only at a few
 * members per time cell it is free in, so its work is bounded whatever the pool's size and the
 * build grows linearly (measured: about 115 candidates looked at per request from 10,000 to
 * 100,000 requests, where searching whole groups looked at ever more).
 */
export interface CandidateGraph {
  readonly requests: readonly OpenRequest[];
  readonly edges: EdgeList;
  /** Pairs that passed the cheap rules and reached the availability check. */
  readonly pairsExamined: number;
  /** Every look at a candidate, repeats included: the search's work, which should grow linearly. */
  readonly pairsVisited: number;
}

export interface CandidateGraphOptions {
  /** Overrides config.candidatesPerRequest; Infinity keeps every compatible pair. */
  candidatesPerRequest?: number;
}

/** Scale of the pair-hash tie-break: far below the 0.01 resolution of scores. */
const TIE_BREAK = 1e-6;
/**
 * Groups up to this size are searched whole, so small pools get the exact shortlists. A larger
 * group is searched through its time-cell buckets, at most BUCKET_WINDOW members per bucket: the
 * work per request stops growing with the pool, which keeps the graph's build near-linear.
 */
const WHOLE_GROUP_LIMIT = 96;
const BUCKET_WINDOW = 6;

/** First position in members[from, to) (ascending) holding a value ≥ value. */
function lowerBound(members: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (members[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function buildCandidateGraph(
  requests: readonly OpenRequest[],
  context: MatchingContext,
  rules: MatchingRules,
  options: CandidateGraphOptions = {},
): CandidateGraph {
  const n = requests.length;
  const wanted = options.candidatesPerRequest ?? rules.config.candidatesPerRequest;
  const pool = indexPool(requests, context, rules);
  const traits = requests.map((request) => requestTraits(request, rules));
  const edges = new EdgeBuffer(rules.config.scoreResolution);

  if (wanted >= n - 1) {
    const search = new CandidateSearch(pool, rules, null, edges, traits);
    for (let i = 0; i < n; i++) search.visitAll(i);
    return {
      requests,
      edges: edges.toEdgeList(),
      pairsExamined: search.pairsExamined,
      pairsVisited: search.pairsVisited,
    };
  }

  const top = new TopCandidates(n, Math.max(1, Math.floor(wanted)));
  const search = new CandidateSearch(pool, rules, top, null, traits);
  for (let i = 0; i < n; i++) search.shortlist(i);
  // The union of both ends' shortlists, each pair once, in (i, j) order: each pair is filed under
  // its lower end, then each lower end's few partners are sorted and deduplicated.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) for (const j of top.partnersOf(i)) start[Math.min(i, j) + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const higher = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let i = 0; i < n; i++)
    for (const j of top.partnersOf(i)) higher[fill[Math.min(i, j)]!++] = Math.max(i, j);
  for (let i = 0; i < n; i++) {
    const partners = higher.subarray(start[i]!, start[i + 1]!).sort();
    for (let at = 0; at < partners.length; at++) {
      const j = partners[at]!;
      if (at > 0 && partners[at - 1] === j) continue;
      search.rulesAllow(i, j);
      edges.push(i, j, search.fullScore(i, j, search.overlapMinutes(i, j)));
    }
  }
  return {
    requests,
    edges: edges.toEdgeList(),
    pairsExamined: search.pairsExamined,
    pairsVisited: search.pairsVisited,
  };
}

/** Symmetric pseudo-random number in [0, 1) for a pair, so equal affinities do not all favour low ids. */
function pairHash(i: number, j: number): number {
  const low = Math.min(i, j);
  const high = Math.max(i, j);
  let h = Math.imul(low ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(high ^ 0xc2b2ae35, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

function popCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The per-request search over the pool's groups, with the rules of `findCompatibility` on
 * compiled data. It runs millions of times on a large pool, so it allocates nothing per pair and
 * passes results through fields rather than closures.
 */
class CandidateSearch {
  pairsExamined = 0;
  pairsVisited = 0;
  /** Facts about the last pair `rulesAllow` accepted. */
  private levelDistance = 0;
  private lastPairedAt: number | undefined;
  private readonly seenBy: Int32Array;
  private readonly lengthMs: Int32Array;
  private readonly stepMs: number;
  private readonly roleFits: Uint8Array;
  /** For each (level, zone) of a request: the (level, zone) cells to visit, best bound first. */
  private readonly visitOrders = new Map<number, { cells: Int32Array; bounds: Float64Array }>();

  constructor(
    private readonly pool: PoolIndex,
    private readonly rules: MatchingRules,
    private readonly top: TopCandidates | null,
    private readonly edges: EdgeBuffer | null,
    private readonly traits: readonly RequestTraits[],
  ) {
    const n = pool.requests.length;
    this.seenBy = new Int32Array(n).fill(-1);
    this.lengthMs = Int32Array.from(pool.requests, (request) => request.durationMinutes * MINUTE_MS);
    this.stepMs = rules.config.slotStepMinutes * MINUTE_MS;
    this.roleFits = Uint8Array.from({ length: 9 }, (_, code) =>
      rolesFit(ROLES[Math.floor(code / 3)]!, ROLES[code % 3]!) ? 1 : 0,
    );
  }

  /** Fills request i's shortlist with its highest-affinity compatible partners. */
  shortlist(i: number): void {
    const { pool, rules, top } = this;
    const { weights, overlapSaturationMinutes } = rules.config;
    // Neither overlap nor novelty can add more than this for request i, whichever group.
    const bestCase =
      weights.overlap * Math.min(1, pool.freeMinutes[i]! / overlapSaturationMinutes) + weights.novelty;
    const { cells, bounds } = this.visitOrder(i);
    for (let c = 0; c < cells.length; c++) {
      if (bounds[c]! + bestCase + TIE_BREAK < top!.threshold(i)) return;
      this.visitCell(i, cells[c]!);
    }
  }

  /** Adds an edge for every compatible partner j > i (the unsparsified graph). */
  visitAll(i: number): void {
    for (const cell of this.visitOrder(i).cells) this.visitCell(i, cell);
  }

  /** The cheap rules (everything but availability), leaving the pair's facts in fields. */
  rulesAllow(i: number, j: number): boolean {
    const { pool, rules } = this;
    if (pool.memberIndex[i] === pool.memberIndex[j]) return false;
    if (!this.roleFits[pool.roles[i]! * 3 + pool.roles[j]!]) return false;
    const levelDistance = Math.abs(pool.levels[i]! - pool.levels[j]!);
    if (levelDistance > rules.config.maxLevelDistance) return false;
    let lastPairedAt: number | undefined;
    if (pool.hasHistory[i] && pool.hasHistory[j]) {
      const a = pool.memberIndex[i]!;
      const b = pool.memberIndex[j]!;
      if (pool.blockedWith.get(a)?.has(b)) return false;
      lastPairedAt = pool.lastPairedWith.get(a)?.get(b);
      if (insideCooldown(lastPairedAt, rules)) return false;
    }
    this.levelDistance = levelDistance;
    this.lastPairedAt = lastPairedAt;
    return true;
  }

  /** Usable common minutes, or −1 when there is no common slot of the session length. */
  overlapMinutes(i: number, j: number): number {
    const { freeTime, freeStart } = this.pool;
    return usableSharedMinutes(
      freeTime,
      freeStart[i]!,
      freeStart[i + 1]!,
      freeStart[j]!,
      freeStart[j + 1]!,
      Math.max(this.lengthMs[i]!, this.lengthMs[j]!),
      this.stepMs,
    );
  }

  /** The full score of the pair last accepted by `rulesAllow`. */
  fullScore(i: number, j: number, overlapMinutes: number): number {
    const facts = { overlapMinutes, levelDistance: this.levelDistance, lastPairedAt: this.lastPairedAt };
    return weighFactors(
      combineFactors(this.traits[i]!, this.traits[j]!, facts, this.rules),
      this.rules.config.weights,
    );
  }

  /** Affinity without the overlap term, of the pair last accepted by `rulesAllow`. */
  private affinityBeyondOverlap(i: number, j: number): number {
    const { pool, rules } = this;
    const { weights, maxLevelDistance } = rules.config;
    return (
      weights.timezone * timezoneCloseness(pool.offsets[i]!, pool.offsets[j]!) +
      weights.level * (1 - this.levelDistance / (maxLevelDistance + 1)) +
      weights.novelty * noveltyFactor(this.lastPairedAt, rules)
    );
  }

  private overlapCredit(minutes: number): number {
    const { weights, overlapSaturationMinutes } = this.rules.config;
    return weights.overlap * Math.min(1, minutes / overlapSaturationMinutes);
  }

  private visitCell(i: number, cell: number): void {
    const { pool } = this;
    const zones = pool.zoneOffsets.length;
    const level = Math.floor(cell / zones);
    const zone = cell % zones;
    const types = pool.typesOf[i]!;
    for (let t = 0; t < types.length; t++) {
      const group = (types[t]! * LEVEL_COUNT + level) * zones + zone;
      const members = pool.groups[group]!;
      if (!this.top || members.length <= WHOLE_GROUP_LIMIT) {
        this.visitRange(i, members, 0, members.length);
        continue;
      }
      // A large group: only a window of the members free in each time cell i is free in. The
      // window sits at i's own rank, so the relation is nearly symmetric, and a member sharing
      // many cells with i turns up in many windows: the search leans towards long overlaps.
      const { bucketStart, bucketMembers, cellsLow, cellsHigh } = pool;
      for (let half = 0; half < 2; half++) {
        for (let word = half ? cellsHigh[i]! : cellsLow[i]!; word !== 0; word &= word - 1) {
          const timeCell = half * 32 + 31 - Math.clz32(word & -word);
          const from = bucketStart[group * CELL_COUNT + timeCell]!;
          const to = bucketStart[group * CELL_COUNT + timeCell + 1]!;
          if (to - from <= BUCKET_WINDOW) {
            this.visitRange(i, bucketMembers, from, to);
            continue;
          }
          const at = lowerBound(bucketMembers, from, to, i);
          const start = Math.min(Math.max(from, at - (BUCKET_WINDOW >> 1)), to - BUCKET_WINDOW);
          this.visitRange(i, bucketMembers, start, start + BUCKET_WINDOW);
        }
      }
    }
  }

  private visitRange(i: number, members: Int32Array, from: number, to: number): void {
    const { pool, seenBy } = this;
    for (let at = from; at < to; at++) {
      const j = members[at]!;
      this.pairsVisited++;
      if (j === i || seenBy[j] === i) continue;
      seenBy[j] = i;
      if ((pool.cellsLow[i]! & pool.cellsLow[j]!) === 0 && (pool.cellsHigh[i]! & pool.cellsHigh[j]!) === 0)
        continue;
      if (this.edges && j < i) continue;
      if (!this.rulesAllow(i, j)) continue;
      if (this.top) {
        // Bound the overlap by the time cells both touch before intersecting for real.
        const commonCells =
          popCount(pool.cellsLow[i]! & pool.cellsLow[j]!) + popCount(pool.cellsHigh[i]! & pool.cellsHigh[j]!);
        const overlapBound = Math.min(
          pool.freeMinutes[i]!,
          pool.freeMinutes[j]!,
          commonCells * pool.cellMinutes,
        );
        const rest = this.affinityBeyondOverlap(i, j) + TIE_BREAK * pairHash(i, j);
        if (rest + this.overlapCredit(overlapBound) < this.top.threshold(i)) continue;
        this.pairsExamined++;
        const overlap = this.overlapMinutes(i, j);
        if (overlap >= 0) this.top.offer(i, j, rest + this.overlapCredit(overlap));
      } else {
        this.pairsExamined++;
        const overlap = this.overlapMinutes(i, j);
        if (overlap >= 0) this.edges!.push(i, j, this.fullScore(i, j, overlap));
      }
    }
  }

  /** (level, zone) cells within the level limit, by the timezone and level credit they offer. */
  private visitOrder(i: number): { cells: Int32Array; bounds: Float64Array } {
    const { pool, rules } = this;
    const zones = pool.zoneOffsets.length;
    const key = pool.levels[i]! * zones + pool.zoneOf[i]!;
    const cached = this.visitOrders.get(key);
    if (cached) return cached;
    const { weights, maxLevelDistance } = rules.config;
    const options: Array<[number, number]> = [];
    for (let level = 0; level < LEVEL_COUNT; level++) {
      const distance = Math.abs(level - pool.levels[i]!);
      if (distance > maxLevelDistance) continue;
      for (let zone = 0; zone < zones; zone++) {
        const bound =
          weights.level * (1 - distance / (maxLevelDistance + 1)) +
          weights.timezone * timezoneCloseness(pool.offsets[i]!, pool.zoneOffsets[zone]!);
        options.push([level * zones + zone, bound]);
      }
    }
    options.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const order = {
      cells: Int32Array.from(options, (o) => o[0]),
      bounds: Float64Array.from(options, (o) => o[1]),
    };
    this.visitOrders.set(key, order);
    return order;
  }
}
