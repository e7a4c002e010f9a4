import type { EdgeList } from './blossom-state.ts';

/**
 * The baseline every pairing bot starts with: take the heaviest remaining edge whose ends are both
 * still free. It is fast and never more than a factor two off in weight, but it can leave members
 * unmatched who had partners (a-b-c-d with b-c heaviest pairs only b and c). The pool solver must
 * never do worse than this on pair count; the benchmark compares both.
 */
export function greedyMatching(vertexCount: number, edges: EdgeList): Int32Array {
  const order = Array.from({ length: edges.count }, (_, k) => k);
  // Ties broken by edge order, so the baseline is as reproducible as the real solver.
  order.sort((x, y) => edges.weight[y]! - edges.weight[x]! || x - y);
  const mate = new Int32Array(vertexCount).fill(-1);
  for (const k of order) {
    const u = edges.from[k]!;
    const v = edges.to[k]!;
    if (mate[u] === -1 && mate[v] === -1) {
      mate[u] = v;
      mate[v] = u;
    }
  }
  return mate;
}
