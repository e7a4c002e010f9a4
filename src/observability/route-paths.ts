/**
 * Bolt matches custom routes with path-to-regexp; ours take two shapes, which the worker's ops
 * server matches the same way without that dependency: an exact path (`/health`), and
 * `<base>{/*rest}` for a base path and everything under it (`/admin/queues{/*rest}`).
 */
const WILDCARD_TAIL = /\{\/\*\w+\}$/;

/** The path a route pattern covers, without its wildcard tail. */
export function routeBase(pattern: string): string {
  return pattern.replace(WILDCARD_TAIL, '');
}

export function matchesRoute(pattern: string, path: string): boolean {
  const base = routeBase(pattern);
  if (base === pattern) return path === pattern;
  return path === base || path.startsWith(`${base}/`);
}
