import { type BlossomState, BREADCRUMB, cyclicItem, S_LABEL, T_LABEL } from './blossom-state.ts';

/**
 * The four structural moves of the weighted blossom algorithm: find where two alternating trees
 * meet, shrink an odd cycle into a blossom, expand a blossom again, and flip the matched edges
 * along an augmenting path (through blossoms, recursively).
 */

const scanPath: number[] = [];

/**
 * Walks back from two S-vertices joined by a tight edge, alternating between the two paths and
 * leaving breadcrumbs. Meeting a breadcrumb means both lie in one tree: the meeting point is the
 * base of a new blossom. Reaching two different roots means an augmenting path (returns −1).
 */
export function scanBlossom(s: BlossomState, fromV: number, fromW: number): number {
  const { inBlossom, label, labelEnd, endpoint, blossomBase } = s;
  scanPath.length = 0;
  let base = -1;
  let v = fromV;
  let w = fromW;
  while (v !== -1 || w !== -1) {
    let b = inBlossom[v]!;
    if (label[b]! & 4) {
      base = blossomBase[b]!;
      break;
    }
    scanPath.push(b);
    label[b] = BREADCRUMB;
    if (labelEnd[b] === -1) {
      v = -1; // reached the root of this tree
    } else {
      // One step back to the T-blossom, one more to the S-blossom before it.
      v = endpoint[labelEnd[b]!]!;
      b = inBlossom[v]!;
      v = endpoint[labelEnd[b]!]!;
    }
    if (w !== -1) {
      const swap = v;
      v = w;
      w = swap;
    }
  }
  for (const b of scanPath) label[b] = S_LABEL;
  return base;
}

/** Shrinks the odd cycle closed by edge k (both ends S, common ancestor `base`) into a new S-blossom. */
export function addBlossom(s: BlossomState, base: number, k: number): void {
  const { endpoint, inBlossom, labelEnd, blossomParent, label, leaves } = s;
  let v = endpoint[2 * k]!;
  let w = endpoint[2 * k + 1]!;
  const bb = inBlossom[base]!;
  let bv = inBlossom[v]!;
  let bw = inBlossom[w]!;
  const b = s.unusedBlossoms.pop()!;
  s.blossomBase[b] = base;
  blossomParent[b] = -1;
  blossomParent[bb] = b;
  const children: number[] = [];
  const endps: number[] = [];
  while (bv !== bb) {
    blossomParent[bv] = b;
    children.push(bv);
    endps.push(labelEnd[bv]!);
    v = endpoint[labelEnd[bv]!]!;
    bv = inBlossom[v]!;
  }
  children.push(bb);
  children.reverse();
  endps.reverse();
  endps.push(2 * k);
  while (bw !== bb) {
    blossomParent[bw] = b;
    children.push(bw);
    endps.push(labelEnd[bw]! ^ 1);
    w = endpoint[labelEnd[bw]!]!;
    bw = inBlossom[w]!;
  }
  s.blossomChildren[b] = children;
  s.blossomEndpoints[b] = endps;
  label[b] = S_LABEL;
  labelEnd[b] = labelEnd[bb]!;
  s.dualBase[b] = 0;
  s.dualStamp[b] = s.tau;
  s.dualRate[b] = 0;
  s.syncBlossomRate(b);
  for (const child of children) if (child >= s.vertexCount) s.syncBlossomRate(child);

  const leafCount = s.collectLeaves(b);
  for (let i = 0; i < leafCount; i++) {
    const x = leaves[i]!;
    // Former T-vertices are now S, so their edges must be scanned too.
    if (label[inBlossom[x]!] === T_LABEL) s.queue.push(x);
    inBlossom[x] = b;
    s.syncVertexRate(x);
  }

  // The new blossom's least-slack edge to every other S-blossom, merged from its parts. The list
  // only needs, for each pair of S-blossoms, the least-slack edge on at least one side; edges
  // that scans find later are appended to it (see scanQueue).
  const { neighbourStart, neighbourEnds, bestEdgeTo } = s;
  const touched: number[] = [];
  for (const sub of children) {
    const known = s.blossomBestEdges[sub];
    if (known) {
      for (const edge of known) considerBestEdgeTo(s, b, edge, touched);
    } else if (label[sub] === T_LABEL) {
      // Former T-vertices were queued above; scanning them adds their edges to b's list.
    } else {
      const count = s.collectLeaves(sub);
      for (let i = 0; i < count; i++) {
        const x = leaves[i]!;
        for (let q = neighbourStart[x]!; q < neighbourStart[x + 1]!; q++) {
          considerBestEdgeTo(s, b, neighbourEnds[q]! >> 1, touched);
        }
      }
    }
    s.blossomBestEdges[sub] = null;
    s.bestEdge[sub] = -1;
  }
  touched.sort((x, y) => x - y);
  const bestEdges: number[] = [];
  let best = -1;
  for (const bj of touched) {
    const edge = bestEdgeTo[bj]!;
    bestEdgeTo[bj] = -1;
    bestEdges.push(edge);
    if (best === -1 || s.slack(edge) < s.slack(best)) best = edge;
  }
  s.blossomBestEdges[b] = bestEdges;
  s.setSBlossomBestEdge(b, best);
}

/** Keeps edge k if it is the least-slack edge seen so far from new blossom b to an S-blossom. */
function considerBestEdgeTo(s: BlossomState, b: number, k: number, touched: number[]): void {
  const { endpoint, inBlossom, label, bestEdgeTo } = s;
  let j = endpoint[2 * k + 1]!;
  if (inBlossom[j] === b) j = endpoint[2 * k]!;
  const bj = inBlossom[j]!;
  if (bj === b || label[bj] !== S_LABEL) return;
  const current = bestEdgeTo[bj]!;
  if (current === -1) touched.push(bj);
  if (current === -1 || s.slack(k) < s.slack(current)) bestEdgeTo[bj] = k;
}

/**
 * Dissolves blossom b into its sub-blossoms. Mid-stage this happens to a T-blossom whose dual
 * reached zero, and the sub-blossoms on the even path from the entry point to the base must be
 * relabelled so the alternating tree stays valid. When a tree is dissolved, its S-blossoms with
 * zero dual are dissolved recursively (they no longer constrain anything); the caller then
 * clears and re-syncs the labels.
 */
export function expandBlossom(s: BlossomState, b: number, endStage: boolean): void {
  const { inBlossom, blossomParent, label, labelEnd, endpoint, allowEdge, leaves } = s;
  const n = s.vertexCount;
  const children = s.blossomChildren[b]!;
  const endps = s.blossomEndpoints[b]!;
  for (const sub of children) {
    blossomParent[sub] = -1;
    if (sub < n) {
      inBlossom[sub] = sub;
    } else if (endStage && s.blossomDual(sub) === 0) {
      expandBlossom(s, sub, endStage);
    } else {
      const count = s.collectLeaves(sub);
      for (let i = 0; i < count; i++) inBlossom[leaves[i]!] = sub;
    }
  }

  if (!endStage && label[b] === T_LABEL) {
    // Enter at the sub-blossom through which b got its T label and walk the even-length way
    // round to the base, alternately labelling sub-blossoms T and S.
    const entryChild = inBlossom[endpoint[labelEnd[b]! ^ 1]!]!;
    let j = children.indexOf(entryChild);
    let step: number;
    let trick: number;
    if (j & 1) {
      j -= children.length;
      step = 1;
      trick = 0;
    } else {
      step = -1;
      trick = 1;
    }
    let p = labelEnd[b]!;
    while (j !== 0) {
      label[endpoint[p ^ 1]!] = 0;
      label[endpoint[cyclicItem(endps, j - trick) ^ trick ^ 1]!] = 0;
      s.assignLabel(endpoint[p ^ 1]!, T_LABEL, p);
      allowEdge[cyclicItem(endps, j - trick) >> 1] = 1;
      j += step;
      p = cyclicItem(endps, j - trick) ^ trick;
      allowEdge[p >> 1] = 1;
      j += step;
    }
    // The base sub-blossom becomes T without passing the label on to its mate (already S).
    const baseChild = cyclicItem(children, j);
    label[endpoint[p ^ 1]!] = T_LABEL;
    label[baseChild] = T_LABEL;
    labelEnd[endpoint[p ^ 1]!] = p;
    labelEnd[baseChild] = p;
    s.bestEdge[baseChild] = -1;
    // Sub-blossoms on the odd way round lose their labels unless an outside S-vertex reaches them.
    j += step;
    while (cyclicItem(children, j) !== entryChild) {
      const sub = cyclicItem(children, j);
      j += step;
      if (label[sub] === S_LABEL) continue;
      const count = s.collectLeaves(sub);
      let reached = -1;
      for (let i = 0; i < count; i++) {
        if (label[leaves[i]!] !== 0) {
          reached = leaves[i]!;
          break;
        }
      }
      if (reached >= 0) {
        label[reached] = 0;
        label[endpoint[s.mate[s.blossomBase[sub]!]!]!] = 0;
        s.assignLabel(reached, T_LABEL, labelEnd[reached]!);
      }
    }
  }

  // New labels mean new dual rates; free parts may now be reached by an S-vertex's loose edge.
  // (At the end of a stage the caller clears and re-syncs every label it dissolves.)
  for (const sub of endStage ? [] : children) {
    if (sub >= n) {
      if (s.blossomBase[sub]! < 0) continue; // expanded recursively; its parts were handled there
      s.syncBlossomRate(sub);
    }
    const count = s.collectLeaves(sub);
    const free = label[sub] === 0;
    for (let i = 0; i < count; i++) {
      const x = leaves[i]!;
      s.syncVertexRate(x);
      if (free && s.bestEdge[x] !== -1) s.setFreeBestEdge(x, s.bestEdge[x]!);
    }
  }

  label[b] = -1;
  labelEnd[b] = -1;
  s.dualRate[b] = 0;
  s.dualBase[b] = 0;
  s.blossomChildren[b] = null;
  s.blossomEndpoints[b] = null;
  s.blossomBase[b] = -1;
  s.blossomBestEdges[b] = null;
  s.bestEdge[b] = -1;
  s.unusedBlossoms.push(b);
}

/** Flips matched and unmatched edges inside blossom b along the even path from vertex v to its base. */
export function augmentBlossom(s: BlossomState, b: number, v: number): void {
  const { blossomParent, endpoint, mate } = s;
  const n = s.vertexCount;
  let t = v;
  while (blossomParent[t] !== b) t = blossomParent[t]!;
  if (t >= n) augmentBlossom(s, t, v);
  const children = s.blossomChildren[b]!;
  const endps = s.blossomEndpoints[b]!;
  const start = children.indexOf(t);
  let j = start;
  let step: number;
  let trick: number;
  if (start & 1) {
    j -= children.length;
    step = 1;
    trick = 0;
  } else {
    step = -1;
    trick = 1;
  }
  while (j !== 0) {
    j += step;
    t = cyclicItem(children, j);
    const p = cyclicItem(endps, j - trick) ^ trick;
    if (t >= n) augmentBlossom(s, t, endpoint[p]!);
    j += step;
    t = cyclicItem(children, j);
    if (t >= n) augmentBlossom(s, t, endpoint[p ^ 1]!);
    mate[endpoint[p]!] = p ^ 1;
    mate[endpoint[p ^ 1]!] = p;
  }
  // v is the new base: rotate so the child containing it comes first.
  rotateLeft(children, start);
  rotateLeft(endps, start);
  s.blossomBase[b] = s.blossomBase[children[0]!]!;
}

/** Rotates a list in place (three reversals), so augmenting allocates nothing. */
function rotateLeft(list: number[], by: number): void {
  reverse(list, 0, by - 1);
  reverse(list, by, list.length - 1);
  reverse(list, 0, list.length - 1);
}

function reverse(list: number[], from: number, to: number): void {
  for (let i = from, j = to; i < j; i++, j--) {
    const swap = list[i]!;
    list[i] = list[j]!;
    list[j] = swap;
  }
}

/** Augments the matching along the path through edge k, which joins two different trees. */
export function augmentMatching(s: BlossomState, k: number): void {
  const { endpoint, inBlossom, labelEnd, mate } = s;
  const n = s.vertexCount;
  for (let side = 0; side < 2; side++) {
    let vertex = endpoint[2 * k + side]!;
    let p = 2 * k + 1 - side;
    for (;;) {
      const bs = inBlossom[vertex]!;
      if (bs >= n) augmentBlossom(s, bs, vertex);
      mate[vertex] = p;
      if (labelEnd[bs] === -1) break; // reached the tree's root, a single vertex
      const t = endpoint[labelEnd[bs]!]!;
      const bt = inBlossom[t]!;
      vertex = endpoint[labelEnd[bt]!]!;
      const j = endpoint[labelEnd[bt]! ^ 1]!;
      if (bt >= n) augmentBlossom(s, bt, j);
      mate[j] = labelEnd[bt]!;
      p = labelEnd[bt]! ^ 1;
    }
  }
}
