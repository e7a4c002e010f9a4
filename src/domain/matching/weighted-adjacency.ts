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
  const order: number[] = [];
  for (let v = 0; v < vertexCount; v++) {
    const from = start[v]!;
    const to = start[v + 1]!;
    order.length = 0;
    for (let q = from; q < to; q++) order.push(q);
    order.sort((p, q) => weights[q]! - weights[p]! || neighbours[p]! - neighbours[q]!);
    const sortedNeighbours = order.map((q) => neighbours[q]!);
    const sortedWeights = order.map((q) => weights[q]!);
    neighbours.set(sortedNeighbours, from);
    weights.set(sortedWeights, from);
  }
  return { vertexCount, start, neighbours, weights };
}

/** The weight of edge u–v, or −1 when there is none (neighbour lists are short: a scan will do). */
export function edgeWeight(graph: WeightedAdjacency, u: number, v: number): number {
  const { start, neighbours, weights } = graph;
  for (let q = start[u]!; q < start[u + 1]!; q++) if (neighbours[q] === v) return weights[q]!;
  return -1;
}
