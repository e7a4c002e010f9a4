import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute } from '@slack/bolt';
import { matchesRoute } from './route-paths.ts';

/**
 * A worker-only process has no Bolt server, yet orchestrators still probe /health; this serves
 * the same routes the web role adds to Bolt's receiver.
 */
export async function startOpsServer(
  port: number,
  routes: CustomRoute[],
): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find(
      (candidate) =>
        matchesRoute(candidate.path, path) &&
        [candidate.method].flat().some((method) => method.toUpperCase() === (req.method ?? 'GET')),
    );
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route.handler(Object.assign(req, { params: {} }), res);
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return { port: (server.address() as AddressInfo).port, server };
}
