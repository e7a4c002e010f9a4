import type { WeightedAdjacency } from './weighted-adjacency.ts';

/**
 * Grows a matching to maximum cardinality: Edmonds' augmenting-path search in a general graph
 * (odd cycles shrunk into blossoms, tracked with union–find), one breadth-first search per free
 * vertex. Two facts keep it near-linear on the pools we see:
 * - started from a greedy matching, most free vertices find a short path within a few steps;
 * - when the search from a vertex fails, every vertex it labelled is in a "Hungarian tree" and can
 *   never lie on an augmenting path again (Edmonds 1965), so it is left out of all later
 *   searches: failed searches cost O(edges) in all, not per free vertex.
 * Neighbours are tried heaviest first, so where paths tie the heavier edges go in. Pure and in
 * place: `mate` (−1 for free) is updated; returns the number of pairs added.
 */
export function augmentToMaximumCardinality(graph: WeightedAdjacency, mate: Int32Array): number {
  const search = new AugmentingSearch(graph, mate);
  let added = 0;
  for (let root = 0; root < graph.vertexCount; root++) {
    if (mate[root] !== -1 || search.dead[root] || graph.start[root] === graph.start[root + 1]) continue;
    if (search.augmentFrom(root)) added++;
  }
  return added;
}

const UNLABELLED = 0;
const EVEN = 1;
const ODD = 2;

class AugmentingSearch {
  readonly dead: Uint8Array;
  private readonly label: Int8Array;
  /** For an odd vertex (or an even one inside a blossom): the vertex it was reached from. */
  private readonly parent: Int32Array;
  /** Union–find over blossoms: base(v) is the base of v's outermost blossom. */
  private readonly blossomOf: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  private readonly touched: number[] = [];

  constructor(
    private readonly graph: WeightedAdjacency,
    private readonly mate: Int32Array,
  ) {
    const n = graph.vertexCount;
    this.dead = new Uint8Array(n);
    this.label = new Int8Array(n);
    this.parent = new Int32Array(n).fill(-1);
    this.blossomOf = Int32Array.from({ length: n }, (_, v) => v);
    this.seen = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  augmentFrom(root: number): boolean {
    const { graph, mate, label, parent } = this;
    const { start, neighbours } = graph;
    this.reset();
    this.head = 0;
    this.tail = 0;
    this.labelEven(root);
    while (this.head < this.tail) {
      const x = this.queue[this.head++]!;
      for (let q = start[x]!; q < start[x + 1]!; q++) {
        const y = neighbours[q]!;
        if (this.dead[y]) continue;
        if (label[y] === UNLABELLED) {
          label[y] = ODD;
          parent[y] = x;
          this.touched.push(y);
          if (mate[y] === -1) {
            this.flipPathEndingAt(y);
            return true;
          }
          this.labelEven(mate[y]!);
        } else if (label[y] === EVEN && this.base(x) !== this.base(y)) {
          const base = this.commonBase(x, y);
          this.shrink(x, y, base);
          this.shrink(y, x, base);
        }
      }
    }
    // A Hungarian tree: none of these vertices will ever be on an augmenting path.
    for (const v of this.touched) this.dead[v] = 1;
    return false;
  }

  private labelEven(v: number): void {
    this.label[v] = EVEN;
    this.touched.push(v);
    this.queue[this.tail++] = v;
  }

  private reset(): void {
    for (const v of this.touched) {
      this.label[v] = UNLABELLED;
      this.parent[v] = -1;
      this.blossomOf[v] = v;
    }
    this.touched.length = 0;
  }

  private base(v: number): number {
    const { blossomOf } = this;
    let x = v;
    while (blossomOf[x] !== x) {
      blossomOf[x] = blossomOf[blossomOf[x]!]!;
      x = blossomOf[x]!;
    }
    return x;
  }

  /** The base where the tree paths from even vertices x and y meet. */
  private commonBase(x: number, y: number): number {
    this.stamp++;
    let a = this.base(x);
    let b = this.base(y);
    for (;;) {
      if (a !== -1) {
        if (this.seen[a] === this.stamp) return a;
        this.seen[a] = this.stamp;
        const matched = this.mate[a]!;
        a = matched === -1 ? -1 : this.base(this.parent[matched]!);
      }
      const swap = a;
      a = b;
      b = swap;
    }
  }

  /** Shrinks the path from x up to `base` into the blossom; its odd vertices become even. */
  private shrink(from: number, to: number, base: number): void {
    const { mate, parent, label, blossomOf } = this;
    let x = from;
    let y = to;
    while (this.base(x) !== base) {
      parent[x] = y;
      y = mate[x]!;
      if (label[y] === ODD) this.labelEven(y);
      if (blossomOf[x] === x) blossomOf[x] = base;
      if (blossomOf[y] === y) blossomOf[y] = base;
      x = parent[y]!;
    }
  }

  /** Flips matched and unmatched edges along the path from the root to the free vertex y. */
  private flipPathEndingAt(y: number): void {
    const { mate, parent } = this;
    let v = y;
    while (v !== -1) {
      const x = parent[v]!;
      const next = mate[x]!;
      mate[v] = x;
      mate[x] = v;
      v = next;
    }
  }
}
