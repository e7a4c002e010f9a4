import { MinHeap } from './min-heap.ts';

/**
 * The working state of the weighted blossom algorithm (see max-weight-matching.ts for the method
 * and its sources). Flat typed arrays indexed by vertex, blossom or edge keep a 10,000-vertex
 * pool in a few hundred kilobytes and the inner loops free of allocation.
 *
 * Conventions, as in Galil's and van Rantwijk's formulations:
 * - Vertices are 0..n−1; non-trivial blossoms get ids n..2n−1 (a trivial blossom is its vertex).
 * - Edge k has two endpoints, p = 2k (its `from`) and p = 2k+1 (its `to`); p ^ 1 is the other end.
 * - Dual variables are stored doubled so integer weights keep every quantity an integer.
 * - Duals are lazy. Every dual step moves all S-vertices down and all T-vertices up by the same
 *   amount, so instead of touching each one we advance a global clock `tau` and give each dual a
 *   rate (−1, 0 or +1) and the tau at which it was last settled. A rate changes only when a label
 *   changes, and those places call `syncVertexRate` / `syncBlossomRate`.
 */
export interface EdgeList {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

/** Labels of top-level blossoms during a stage. */
export const FREE = 0;
export const S_LABEL = 1;
export const T_LABEL = 2;
/** A breadcrumb `scanBlossom` leaves on S-blossoms it has walked through. */
export const BREADCRUMB = 5;

export class BlossomState {
  readonly vertexCount: number;
  readonly edgeCount: number;
  /** endpoint[p] is the vertex at endpoint p. */
  readonly endpoint: Int32Array;
  /** Twice each edge weight, to compare with doubled duals. */
  readonly doubledWeight: Float64Array;
  /** Compressed adjacency: for vertex v, neighbourEnds[neighbourStart[v] .. neighbourStart[v+1]) are
   * the remote endpoints of its edges. */
  readonly neighbourStart: Int32Array;
  readonly neighbourEnds: Int32Array;
  /** mate[v] is the remote endpoint of v's matched edge, or −1. */
  readonly mate: Int32Array;
  /** FREE, S_LABEL or T_LABEL for top-level blossoms (and T marks on vertices inside T-blossoms). */
  readonly label: Int8Array;
  /** The endpoint through which a blossom got its label, or −1 for a tree root. */
  readonly labelEnd: Int32Array;
  /** The top-level blossom each vertex belongs to. */
  readonly inBlossom: Int32Array;
  readonly blossomParent: Int32Array;
  /** Sub-blossoms in cyclic order starting at the base, and the endpoints that join them. */
  readonly blossomChildren: Array<number[] | null>;
  readonly blossomEndpoints: Array<number[] | null>;
  readonly blossomBase: Int32Array;
  /** Least-slack edge from a blossom to a different S-blossom (or, for a free vertex, from any S-vertex). */
  readonly bestEdge: Int32Array;
  /** For non-trivial S-blossoms: the least-slack edge to each other S-blossom. */
  readonly blossomBestEdges: Array<number[] | null>;
  readonly unusedBlossoms: number[];
  /** Doubled vertex duals (0..n−1) and blossom duals z (n..2n−1), as of `dualStamp`. */
  readonly dualBase: Float64Array;
  readonly dualStamp: Float64Array;
  readonly dualRate: Int8Array;
  /** Total dual movement so far. */
  tau = 0;
  /** Every single vertex has been an S-root from the start, so its dual is maxWeight − tau. */
  readonly maxWeight: number;
  /** When a free vertex's least-slack edge from an S-vertex becomes tight: (tau, vertex, edge). */
  readonly freeEdgeEvents = new MinHeap();
  /** When an S-blossom's least-slack edge to another S-blossom becomes tight: (tau, blossom, edge). */
  readonly sEdgeEvents = new MinHeap();
  /** When a T-blossom's dual reaches zero and it must be expanded: (tau, blossom, 0). */
  readonly tBlossomEvents = new MinHeap();
  /** Edges known to have zero slack during the current stage. */
  readonly allowEdge: Uint8Array;
  /** S-vertices whose edges are still to be scanned (may hold stale entries; check the label). */
  readonly queue: number[] = [];
  /** The root (a free vertex) of the alternating tree each labelled vertex belongs to. */
  readonly treeOf: Int32Array;
  /** Vertices ever labelled into the tree rooted at r; entries go stale when they move on. */
  readonly treeVertices: Array<number[] | undefined>;

  /** Scratch space for `collectLeaves` and `addBlossom`. */
  readonly leaves: Int32Array;
  private readonly leafStack: Int32Array;
  readonly bestEdgeTo: Int32Array;
  /** Scratch marks for `dissolveTrees`, compared against a counter so they never need clearing. */
  readonly visitMark: Int32Array;
  visitCounter = 0;

  constructor(vertexCount: number, edges: EdgeList, maxCardinality: boolean) {
    const n = vertexCount;
    const m = edges.count;
    this.vertexCount = n;
    this.edgeCount = m;
    this.endpoint = new Int32Array(2 * m);
    this.doubledWeight = new Float64Array(m);
    const degree = new Int32Array(n + 1);
    let maxWeight = maxCardinality ? Number.NEGATIVE_INFINITY : 0;
    for (let k = 0; k < m; k++) {
      const i = edges.from[k]!;
      const j = edges.to[k]!;
      const w = edges.weight[k]!;
      if (i === j || i < 0 || j < 0 || i >= n || j >= n) throw new RangeError(`bad edge ${k}: ${i}-${j}`);
      this.endpoint[2 * k] = i;
      this.endpoint[2 * k + 1] = j;
      this.doubledWeight[k] = 2 * w;
      if (w > maxWeight) maxWeight = w;
      degree[i + 1]!++;
      degree[j + 1]!++;
    }
    for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
    this.neighbourStart = degree.slice();
    this.neighbourEnds = new Int32Array(2 * m);
    const fill = degree;
    for (let k = 0; k < m; k++) {
      this.neighbourEnds[fill[this.endpoint[2 * k]!]!++] = 2 * k + 1;
      this.neighbourEnds[fill[this.endpoint[2 * k + 1]!]!++] = 2 * k;
    }

    this.mate = new Int32Array(n).fill(-1);
    this.label = new Int8Array(2 * n);
    this.labelEnd = new Int32Array(2 * n).fill(-1);
    this.inBlossom = new Int32Array(n);
    for (let v = 0; v < n; v++) this.inBlossom[v] = v;
    this.blossomParent = new Int32Array(2 * n).fill(-1);
    this.blossomChildren = new Array<number[] | null>(2 * n).fill(null);
    this.blossomEndpoints = new Array<number[] | null>(2 * n).fill(null);
    this.blossomBase = new Int32Array(2 * n).fill(-1);
    for (let v = 0; v < n; v++) this.blossomBase[v] = v;
    this.bestEdge = new Int32Array(2 * n).fill(-1);
    this.blossomBestEdges = new Array<number[] | null>(2 * n).fill(null);
    this.unusedBlossoms = [];
    for (let b = 2 * n - 1; b >= n; b--) this.unusedBlossoms.push(b);
    // Every vertex starts with the same dual, half the heaviest weight (stored doubled): every
    // slack is non-negative and all single vertices share one dual, as the method requires.
    // (Without max cardinality, duals may not start below zero.)
    if (!Number.isFinite(maxWeight)) maxWeight = 0;
    this.maxWeight = maxWeight;
    this.dualBase = new Float64Array(2 * n);
    this.dualBase.fill(maxWeight, 0, n);
    this.dualStamp = new Float64Array(2 * n);
    this.dualRate = new Int8Array(2 * n);
    this.allowEdge = new Uint8Array(m);

    this.treeOf = new Int32Array(n).fill(-1);
    this.treeVertices = new Array<number[] | undefined>(n);

    this.leaves = new Int32Array(n);
    this.leafStack = new Int32Array(2 * n);
    this.bestEdgeTo = new Int32Array(2 * n).fill(-1);
    this.visitMark = new Int32Array(n);
  }

  /** Doubled slack of edge k: u_i + u_j − 2w (blossom duals never matter for the edges we ask about). */
  slack(k: number): number {
    return (
      this.vertexDual(this.endpoint[2 * k]!) +
      this.vertexDual(this.endpoint[2 * k + 1]!) -
      this.doubledWeight[k]!
    );
  }

  vertexDual(v: number): number {
    return this.dualBase[v]! + this.dualRate[v]! * (this.tau - this.dualStamp[v]!);
  }

  blossomDual(b: number): number {
    return this.dualBase[b]! + this.dualRate[b]! * (this.tau - this.dualStamp[b]!);
  }

  /** Call after the label of v's top-level blossom may have changed: S duals fall, T duals rise. */
  syncVertexRate(v: number): void {
    const top = this.label[this.inBlossom[v]!];
    const rate = top === S_LABEL ? -1 : top === T_LABEL ? 1 : 0;
    if (rate === this.dualRate[v]) return;
    this.dualBase[v] = this.vertexDual(v);
    this.dualStamp[v] = this.tau;
    this.dualRate[v] = rate;
  }

  /** Call after blossom b's label or nesting may have changed: top-level S z rises, T z falls. */
  syncBlossomRate(b: number): void {
    let rate = 0;
    if (this.blossomParent[b] === -1 && this.blossomBase[b]! >= 0) {
      rate = this.label[b] === S_LABEL ? 1 : this.label[b] === T_LABEL ? -1 : 0;
    }
    if (rate === this.dualRate[b]) return;
    this.dualBase[b] = this.blossomDual(b);
    this.dualStamp[b] = this.tau;
    this.dualRate[b] = rate;
    if (rate === -1) this.tBlossomEvents.push(this.tau + this.dualBase[b]!, b, 0);
  }

  /** Records the least-slack edge from an S-vertex to free vertex v, and when it becomes tight. */
  setFreeBestEdge(v: number, k: number): void {
    this.bestEdge[v] = k;
    if (k !== -1) this.freeEdgeEvents.push(this.tau + this.slack(k), v, k);
  }

  /** Records the least-slack edge from S-blossom b to another S-blossom (both ends fall: half the slack). */
  setSBlossomBestEdge(b: number, k: number): void {
    this.bestEdge[b] = k;
    if (k !== -1) this.sEdgeEvents.push(this.tau + this.slack(k) / 2, b, k);
  }

  /** Writes the vertices inside blossom b into `leaves` and returns how many there are. */
  collectLeaves(b: number): number {
    const n = this.vertexCount;
    if (b < n) {
      this.leaves[0] = b;
      return 1;
    }
    let count = 0;
    let top = 0;
    this.leafStack[top++] = b;
    while (top > 0) {
      const x = this.leafStack[--top]!;
      if (x < n) {
        this.leaves[count++] = x;
        continue;
      }
      const children = this.blossomChildren[x]!;
      for (let c = children.length - 1; c >= 0; c--) this.leafStack[top++] = children[c]!;
    }
    return count;
  }

  /**
   * Labels the top-level blossom containing w with S or T, reached through endpoint p (the
   * parent's end of the edge; −1 for a tree root). An S blossom's vertices go on the queue; a T
   * blossom's mate becomes S in turn. Every labelled vertex joins its parent's tree.
   */
  assignLabel(w: number, labelValue: number, p: number): void {
    let vertex = w;
    let current = labelValue;
    let through = p;
    for (;;) {
      const b = this.inBlossom[vertex]!;
      this.label[vertex] = current;
      this.label[b] = current;
      this.labelEnd[vertex] = through;
      this.labelEnd[b] = through;
      this.bestEdge[vertex] = -1;
      this.bestEdge[b] = -1;
      const tree = through === -1 ? this.blossomBase[b]! : this.treeOf[this.endpoint[through]!]!;
      let members = this.treeVertices[tree];
      if (!members) {
        members = [];
        this.treeVertices[tree] = members;
      }
      const count = this.collectLeaves(b);
      for (let i = 0; i < count; i++) {
        const leaf = this.leaves[i]!;
        this.treeOf[leaf] = tree;
        members.push(leaf);
        this.syncVertexRate(leaf);
        if (current === S_LABEL) this.queue.push(leaf);
      }
      if (b >= this.vertexCount) this.syncBlossomRate(b);
      if (current === S_LABEL) return;
      // Only the base of a T-blossom has a partner outside it; that partner becomes S.
      const baseMate = this.mate[this.blossomBase[b]!]!;
      vertex = this.endpoint[baseMate]!;
      current = S_LABEL;
      through = baseMate ^ 1;
    }
  }
}

/** Python-style indexing for the cyclic child lists: a negative index counts from the end. */
export function cyclicItem(list: readonly number[], index: number): number {
  return list[index < 0 ? index + list.length : index]!;
}
