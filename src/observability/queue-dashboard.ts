import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Queue } from 'bullmq';
import type { Logger } from './logger.ts';

export const DASHBOARD_PATH = '/admin/queues';

/** bull-board's Express adapter hands back an Express app: a plain Node request listener. */
type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The BullMQ dashboard (bull-board) at /admin/queues behind HTTP Basic auth, as routes for
 * whichever HTTP server the process has: Bolt's receiver (web role) or the ops server
 * (worker-only), beside /health and /metrics. Without credentials there is no route, and one log
 * line says so. bull-board and Express are loaded only when the dashboard is on.
 */
export async function queueDashboardRoutes(
  credentials: { user: string; password: string } | undefined,
  queues: Queue[],
  logger: Logger,
): Promise<CustomRoute[]> {
  if (!credentials) {
    logger.info(
      `queue dashboard disabled: set DASHBOARD_USER and DASHBOARD_PASSWORD to serve it at ${DASHBOARD_PATH}`,
    );
    return [];
  }
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
  ]);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Mockingbird jobs' } },
  });
  const board = serverAdapter.getRouter() as RequestListener;
  const isAuthorized = basicAuth(credentials);
  return [
    {
      // path-to-regexp (Bolt's router): the base path and everything under it.
      path: `${DASHBOARD_PATH}{/*rest}`,
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      handler: (req, res) => {
        if (!isAuthorized(req.headers.authorization)) {
          res.writeHead(401, { 'www-authenticate': 'Basic realm="Mockingbird queues", charset="UTF-8"' });
          res.end();
          return;
        }
        if (isCrossSiteWrite(req)) {
          // Browsers resend Basic credentials on requests another site makes; the board's
          // own page calls its API from the same origin.
          res.writeHead(403).end();
          return;
        }
        // The board's routes are relative to its base path, as Express's app.use(path, …) leaves them.
        const rest = (req.url ?? '').slice(DASHBOARD_PATH.length);
        req.url = rest.startsWith('/') ? rest : `/${rest}`;
        board(req, res);
      },
    },
  ];
}

/** Compares digests of the whole `user:password` in constant time, so timing tells nothing. */
function basicAuth(credentials: { user: string; password: string }): (header: string | undefined) => boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(`${credentials.user}:${credentials.password}`);
  return (header) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match) return false;
    return timingSafeEqual(digest(Buffer.from(match[1]!, 'base64').toString('utf8')), expected);
  };
}

function isCrossSiteWrite(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}
