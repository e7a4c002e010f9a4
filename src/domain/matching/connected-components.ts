import type { EdgeList } from './blossom-state.ts';

/**
 * Splits a graph into independent parts (union–find with path halving). Matching each part on
 * its own gives the same optimum, and the blossom algorithm's cost grows faster than linearly, so
 * many small parts (a pool split by types and timezones that never meet) solve much faster.
 */
export interface Component {
  /** Vertex ids of the whole graph, ascending. */
  vertices: Int32Array;
  /** Edge ids of the whole graph, ascending. */
  edges: Int32Array;
}

export function connectedComponents(vertexCount: number, edges: EdgeList): Component[] {
  const parent = new Int32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) parent[v] = v;
  const find = (v: number): number => {
    let x = v;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let k = 0; k < edges.count; k++) {
    const a = find(edges.from[k]!);
    const b = find(edges.to[k]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const vertexLists = new Map<number, number[]>();
  const edgeLists = new Map<number, number[]>();
  for (let v = 0; v < vertexCount; v++) appendTo(vertexLists, find(v), v);
  for (let k = 0; k < edges.count; k++) appendTo(edgeLists, find(edges.from[k]!), k);
  return [...vertexLists.entries()].map(([root, vertices]) => ({
    vertices: Int32Array.from(vertices),
    edges: Int32Array.from(edgeLists.get(root) ?? []),
  }));
}

function appendTo(lists: Map<number, number[]>, key: number, value: number): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
