/**
 * Exhaustive search over all matchings — a reference to check the blossom algorithm and the pool
 * solver against on tiny graphs (up to about 16 vertices). Never used by the product itself.
 */
export interface ExactMatching {
  pairs: Array<[number, number]>;
  cardinality: number;
  weight: number;
}

export function exactMatching(
  vertexCount: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  options: { maxCardinality?: boolean } = {},
): ExactMatching {
  if (vertexCount > 24) throw new RangeError('exactMatching is exponential; keep it to tiny graphs');
  const maxCardinality = options.maxCardinality ?? false;
  const neighbours: Array<Array<[number, number]>> = Array.from({ length: vertexCount }, () => []);
  for (const [u, v, w] of edges) {
    const low = Math.min(u, v);
    neighbours[low]!.push([Math.max(u, v), w]);
  }
  const used = new Uint8Array(vertexCount);
  const current: Array<[number, number]> = [];
  let best: ExactMatching = { pairs: [], cardinality: 0, weight: 0 };

  const better = (cardinality: number, weight: number) =>
    maxCardinality
      ? cardinality > best.cardinality || (cardinality === best.cardinality && weight > best.weight)
      : weight > best.weight;

  const search = (from: number, weight: number) => {
    let v = from;
    while (v < vertexCount && used[v]) v++;
    if (v >= vertexCount) {
      if (better(current.length, weight)) best = { pairs: [...current], cardinality: current.length, weight };
      return;
    }
    used[v] = 1;
    search(v + 1, weight); // v stays single
    for (const [u, w] of neighbours[v]!) {
      if (used[u]) continue;
      used[u] = 1;
      current.push([v, u]);
      search(v + 1, weight + w);
      current.pop();
      used[u] = 0;
    }
    used[v] = 0;
  };
  search(0, 0);
  return best;
}
