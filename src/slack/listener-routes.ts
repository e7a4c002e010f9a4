/**
 * One listener standing for many, picked by a key of the request: a button's action_id, a
 * modal's callback_id. Bolt offers every request to every listener registered, each through its
 * own chain of matcher middleware (a closure, a copied array and a few promises apiece, per
 * request). With 31 buttons and modals registered one by one, that bookkeeping was most of what
 * the web role allocated for a request, and its collections stopped the event loop that sends the
 * acks. Here a map lookup does the matching. A request whose key has no route is left alone, as
 * Bolt leaves a request no listener matched. (Bolt's own chain for each kind of request is gone
 * too: listeners-by-kind.ts.)
 *
 * Two routes for one key would have both run under Bolt; here that is a mistake caught at start-up.
 */
export function routeBy<Args>(
  keyOf: (args: Args) => string | undefined,
  routes: ReadonlyArray<readonly [string, (args: Args) => Promise<void>]>,
): (args: Args) => Promise<void> {
  const byKey = new Map<string, (args: Args) => Promise<void>>();
  for (const [key, listener] of routes) {
    if (byKey.has(key)) throw new Error(`two listeners for ${key}`);
    byKey.set(key, listener);
  }
  return async (args) => {
    const key = keyOf(args);
    const listener = key === undefined ? undefined : byKey.get(key);
    if (listener) await listener(args);
  };
}
