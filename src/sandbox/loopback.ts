import { Server } from 'node:net';

/**
 * Runs `start` with every server it opens bound to 127.0.0.1 when it names no address, then puts
 * things back. The app's HTTP server (Bolt's receiver) listens on all interfaces, as a deployment
 * wants; the sandbox must not be reachable from the network, and the app has no setting for its
 * listening address yet. Only servers opened while `start` runs are affected.
 */
export async function withLoopbackListen<T>(start: () => Promise<T>): Promise<T> {
  const original = Server.prototype.listen;
  Server.prototype.listen = function listenOnLoopback(this: Server, ...args: unknown[]) {
    const [first] = args;
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      const callback = args.find((arg) => typeof arg === 'function');
      return original.call(this, { port: Number(first), host: '127.0.0.1' }, callback as () => void);
    }
    if (first && typeof first === 'object' && !('host' in first) && !('path' in first) && !('fd' in first)) {
      return original.apply(this, [{ ...first, host: '127.0.0.1' }, ...args.slice(1)] as never);
    }
    return original.apply(this, args as never);
  } as typeof original;
  try {
    return await start();
  } finally {
    Server.prototype.listen = original;
  }
}
