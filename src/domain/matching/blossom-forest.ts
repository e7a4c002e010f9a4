import { expandBlossom } from './blossom-operations.ts';
import { type BlossomState, FREE, S_LABEL, T_LABEL } from './blossom-state.ts';

/**
 * Keeping the alternating forest alive across augmentations.
 *
 * The textbook method (Galil; van Rantwijk) starts every stage from scratch: it unlabels all
 * vertices and rescans the edges of every single vertex, which costs O(m) per added pair (11 s
 * on a random 10,000-vertex graph). But an augmenting path only runs through two trees; every other
 * tree is still a valid alternating tree on tight edges. So after augmenting we dissolve just
 * those two trees (exactly as a new stage would: labels and least-slack edges cleared,
 * zero-dual S-blossoms expanded) and repair what pointed into them:
 *
 * - S-vertices next to a dissolved vertex are queued again, so a tight edge to a now-free vertex
 *   grows their tree, and a loose one becomes its least-slack candidate;
 * - "reached" marks that a dissolved S-vertex left inside a surviving T-blossom are removed, and
 *   that blossom's other S-neighbours re-scanned so the mark reappears if still deserved;
 * - least-slack edges that led into a dissolved tree are recomputed at once: later scans compare
 *   against them, so a stale one could hide a better edge (`refreshFreeBestEdge`,
 *   `refreshSBlossomBestEdge`).
 *
 * All single vertices stay roots with one shared dual, so the optimality argument is unchanged.
 */
export function dissolveTrees(s: BlossomState, rootA: number, rootB: number): void {
  const n = s.vertexCount;
  const { label, labelEnd, inBlossom, treeOf, blossomParent, bestEdge, endpoint, allowEdge, visitMark } = s;
  const { neighbourStart, neighbourEnds } = s;
  const dissolving = ++s.visitCounter;
  const dissolved: number[] = [];
  for (const root of [rootA, rootB]) {
    for (const v of s.treeVertices[root] ?? []) {
      if (visitMark[v] === dissolving || treeOf[v] !== root || label[inBlossom[v]!] === FREE) continue;
      visitMark[v] = dissolving;
      dissolved.push(v);
    }
    s.treeVertices[root] = undefined;
  }
  for (const v of dissolved) {
    const b = inBlossom[v]!;
    if (b >= n && label[b] === S_LABEL && s.blossomDual(b) === 0) expandBlossom(s, b, true);
  }
  for (const v of dissolved) {
    treeOf[v] = -1;
    for (let t = v; t !== -1; t = blossomParent[t]!) {
      label[t] = FREE;
      bestEdge[t] = -1;
      if (t >= n) {
        s.blossomBestEdges[t] = null;
        s.syncBlossomRate(t);
      }
    }
    s.syncVertexRate(v);
  }

  const queued = ++s.visitCounter;
  for (const v of dissolved) {
    for (let q = neighbourStart[v]!; q < neighbourStart[v + 1]!; q++) {
      const p = neighbourEnds[q]!;
      allowEdge[p >> 1] = 0;
      const x = endpoint[p]!;
      const bx = inBlossom[x]!;
      if (label[bx] === S_LABEL) {
        requeue(s, x, queued);
        const best = bestEdge[bx]!;
        if (best !== -1 && !joinsOtherSBlossom(s, best, bx)) refreshSBlossomBestEdge(s, bx);
        continue;
      }
      if (label[bx] === T_LABEL && bx !== x && label[x] === T_LABEL && endpoint[labelEnd[x]!] === v) {
        label[x] = FREE;
        for (let r = neighbourStart[x]!; r < neighbourStart[x + 1]!; r++) {
          const z = endpoint[neighbourEnds[r]!]!;
          if (label[inBlossom[z]!] === S_LABEL) requeue(s, z, queued);
        }
        refreshFreeBestEdge(s, x);
      } else if (label[x] === FREE && bestEdge[x] !== -1 && !leadsToS(s, bestEdge[x]!, x)) {
        refreshFreeBestEdge(s, x);
      }
    }
  }
}

function requeue(s: BlossomState, x: number, mark: number): void {
  if (s.visitMark[x] === mark) return;
  s.visitMark[x] = mark;
  s.queue.push(x);
}

/** Whether edge k joins S-blossom b to a different S-blossom. */
export function joinsOtherSBlossom(s: BlossomState, k: number, b: number): boolean {
  const bi = s.inBlossom[s.endpoint[2 * k]!]!;
  const bj = s.inBlossom[s.endpoint[2 * k + 1]!]!;
  const other = bi === b ? bj : bj === b ? bi : -1;
  return other !== -1 && other !== b && s.label[other] === S_LABEL;
}

/** Recomputes bestEdge[b] of a top-level S-blossom whose recorded edge led into a dissolved tree. */
export function refreshSBlossomBestEdge(s: BlossomState, b: number): void {
  let best = -1;
  const known = b >= s.vertexCount ? s.blossomBestEdges[b] : null;
  if (known) {
    for (const k of known) best = lessSlack(s, k, best, b);
  } else {
    const count = s.collectLeaves(b);
    for (let i = 0; i < count; i++) {
      const x = s.leaves[i]!;
      for (let q = s.neighbourStart[x]!; q < s.neighbourStart[x + 1]!; q++) {
        best = lessSlack(s, s.neighbourEnds[q]! >> 1, best, b);
      }
    }
  }
  s.setSBlossomBestEdge(b, best);
}

function lessSlack(s: BlossomState, k: number, best: number, b: number): number {
  return joinsOtherSBlossom(s, k, b) && (best === -1 || s.slack(k) < s.slack(best)) ? k : best;
}

/** Whether edge k (at vertex v) leads to an S-vertex. */
export function leadsToS(s: BlossomState, k: number, v: number): boolean {
  const i = s.endpoint[2 * k]!;
  const j = i === v ? s.endpoint[2 * k + 1]! : i;
  return s.label[s.inBlossom[j]!] === S_LABEL;
}

/** Recomputes bestEdge[v] of a free vertex whose recorded edge came from a dissolved tree. */
export function refreshFreeBestEdge(s: BlossomState, v: number): void {
  let best = -1;
  for (let q = s.neighbourStart[v]!; q < s.neighbourStart[v + 1]!; q++) {
    const k = s.neighbourEnds[q]! >> 1;
    if (leadsToS(s, k, v) && (best === -1 || s.slack(k) < s.slack(best))) best = k;
  }
  s.setFreeBestEdge(v, best);
}
