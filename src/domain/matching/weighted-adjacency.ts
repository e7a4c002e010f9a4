import type { EdgeList } from './blossom-state.ts';

/**
 * A graph's neighbour lists in flat typed arrays: for vertex v, neighbours[start[v] .. start[v + 1])
 * with the matching weights, heaviest first (ties to the lower neighbour), so a search that takes
 * the first neighbour that will do takes the best one, and the result never depends on edge order.
 */
export interface WeightedAdjacency {
  readonly vertexCount: number;
  readonly start: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
}

export function weightedAdjacency(vertexCount: number, edges: EdgeList): WeightedAdjacency {
  const start = new Int32Array(vertexCount + 1);
  for (let k = 0; k < edges.count; k++) {
    start[edges.from[k]! + 1]!++;
    start[edges.to[k]! + 1]!++;
  }
  for (let v = 0; v < vertexCount; v++) start[v + 1]! += start[v]!;
  const neighbours = new Int32Array(2 * edges.count);
  const weights = new Float64Array(2 * edges.count);
  const fill = start.slice(0, vertexCount);
  for (let k = 0; k < edges.count; k++) {
    const u = edges.from[k]!;
    const v = edges.to[k]!;
    neighbours[fill[u]!] = v;
    weights[fill[u]!++] = edges.weight[k]!;
    neighbours[fill[v]!] = u;
    weights[fill[v]!++] = edges.weight[k]!;
  }
  // Insertion sort in place: lists are a handful to a few dozen long, and this allocates nothing.
  for (let v = 0; v < vertexCount; v++) {
    for (let q = start[v]! + 1; q < start[v + 1]!; q++) {
      const neighbour = neighbours[q]!;
      const weight = weights[q]!;
      let at = q - 1;
      while (
        at >= start[v]! &&
        (weights[at]! < weight || (weights[at] === weight && neighbours[at]! > neighbour))
      ) {
        neighbours[at + 1] = neighbours[at]!;
        weights[at + 1] = weights[at]!;
        at--;
      }
      neighbours[at + 1] = neighbour;
      weights[at + 1] = weight;
    }
  }
  return { vertexCount, start, neighbours, weights };
}

/** The weight of edge u–v, or −1 when there is none (neighbour lists are short: a scan will do). */
export function edgeWeight(graph: WeightedAdjacency, u: number, v: number): number {
  const { start, neighbours, weights } = graph;
  for (let q = start[u]!; q < start[u + 1]!; q++) if (neighbours[q] === v) return weights[q]!;
  return -1;
}
