import { augmentToMaximumCardinality } from './augmenting-paths.ts';
import type { EdgeList } from './blossom-state.ts';
import { greedyMatching } from './greedy-matching.ts';
import { edgeWeight, type WeightedAdjacency, weightedAdjacency } from './weighted-adjacency.ts';

/**
 * The matching for components too large for the exact blossom method (its cost grows about as
 * n^1.7 here: 6 s at 30,000 requests, a minute at 100,000). Three steps, each never undoing the
 * one before:
 * 1. the greedy matching, heaviest edge first: the baseline;
 * 2. augmenting paths until no pair can be added (augmenting-paths.ts): maximum cardinality on
 *    this graph, the same pair count as the exact method, and never fewer pairs than greedy;
 * 3. local improvement at that cardinality: a member swaps to a free partner it prefers, or two
 *    pairs trade partners, whenever the total weight rises; repeated until nothing improves.
 * Measured on generated pools' candidate graphs against the exact method on the same graph:
 * the same pair count, 99.4–99.8% of the weight, in a few percent of the time.
 */
export function localSearchMatching(vertexCount: number, edges: EdgeList): Int32Array {
  const mate = greedyMatching(vertexCount, edges);
  const graph = weightedAdjacency(vertexCount, edges);
  augmentToMaximumCardinality(graph, mate);
  improveWeight(graph, mate);
  return mate;
}

/** Passes are cheap (O(edges × degree)); the cap only guards against a pathological input. */
const MAX_PASSES = 50;

/**
 * Cardinality-preserving improvements, first improving move per vertex, until a pass finds none:
 * - v–x matched, u free, w(v,u) > w(v,x): v takes u, x is freed;
 * - v–x and u–y matched with edges v–u and x–y: trade if w(v,u) + w(x,y) > w(v,x) + w(u,y).
 * Weights are integers, so every move gains at least 1 and the loop ends.
 */
export function improveWeight(graph: WeightedAdjacency, mate: Int32Array): number {
  const { start, neighbours, weights } = graph;
  let moves = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = 0;
    for (let v = 0; v < graph.vertexCount; v++) {
      const x = mate[v]!;
      if (x === -1) continue;
      const current = edgeWeight(graph, v, x);
      for (let q = start[v]!; q < start[v + 1]!; q++) {
        const u = neighbours[q]!;
        const withU = weights[q]!;
        // Neighbours come heaviest first: none further on can beat the current partner.
        if (withU <= current) break;
        const y = mate[u]!;
        if (y === -1) {
          mate[v] = u;
          mate[u] = v;
          mate[x] = -1;
          improved++;
          break;
        }
        if (y === v) continue;
        const xy = edgeWeight(graph, x, y);
        if (xy >= 0 && withU + xy > current + edgeWeight(graph, u, y)) {
          mate[v] = u;
          mate[u] = v;
          mate[x] = y;
          mate[y] = x;
          improved++;
          break;
        }
      }
    }
    moves += improved;
    if (improved === 0) break;
  }
  return moves;
}
