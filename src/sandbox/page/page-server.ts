import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Community, Sandbox } from '../sandbox.ts';
import { mimeTypeOf } from '../slack-stand-in/web-api/files.ts';
import { renderPage, renderParts } from './render-page.ts';
import { buildPageModel } from './view-model.ts';

/**
 * The sandbox's web page, on 127.0.0.1 only: the page itself, its script and styles, a stream of
 * server-sent events that says "something changed" (the page then fetches its parts again), the
 * images the app shared (their bytes as the stand-in recorded them), and the few JSON endpoints
 * through which a member acts. Every action becomes a signed request to the app
 * (client/member-actions.ts); nothing here talks to the database or the queues itself.
 */

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));
const MAX_BODY = 256 * 1024;

const pageValue = z.object({
  blockId: z.string(),
  actionId: z.string(),
  value: z.string().nullable().optional(),
  values: z.array(z.string()).optional(),
  text: z.string().optional(),
});
const as = z.string().regex(/^U[A-Z0-9]+$/);
const schemas = {
  command: z.object({ as, channel: z.string().min(1), text: z.string().min(1).max(3000) }),
  action: z.object({
    as,
    surface: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('message'), channel: z.string(), ts: z.string() }),
      z.object({ kind: z.literal('ephemeral'), id: z.string() }),
      z.object({ kind: z.literal('view'), viewId: z.string() }),
    ]),
    element: pageValue,
    state: z.array(pageValue).default([]),
  }),
  submit: z.object({ as, viewId: z.string(), state: z.array(pageValue).default([]) }),
  close: z.object({
    as,
    viewId: z.string(),
    all: z.boolean().default(false),
    state: z.array(pageValue).default([]),
  }),
  options: z.object({
    as,
    viewId: z.string(),
    blockId: z.string(),
    actionId: z.string(),
    value: z.string().max(200),
    state: z.array(pageValue).default([]),
  }),
  shortcut: z.discriminatedUnion('kind', [
    z.object({ as, kind: z.literal('global'), callbackId: z.string().min(1).max(255) }),
    z.object({
      as,
      kind: z.literal('message'),
      callbackId: z.string().min(1).max(255),
      channel: z.string().min(1),
      ts: z.string().regex(/^\d+\.\d+$/),
    }),
  ]),
  home: z.object({ as }),
  dismiss: z.object({ as, id: z.string() }),
  fault: z.object({
    status: z.enum(['', '429', '500', '503']),
    seconds: z.number().int().min(5).max(600).default(60),
  }),
};

export async function startPageServer(
  sandbox: Sandbox,
  port: number,
): Promise<{ server: Server; url: string }> {
  const streams = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | undefined;
  sandbox.on('change', () => {
    // Many changes arrive together (a match posts, uploads and updates at once): one event for them.
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      for (const stream of streams) stream.write('data: change\n\n');
    }, 60);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': still here\n\n');
  }, 15_000);
  heartbeat.unref();

  const server = createServer((req, res) => {
    handle(sandbox, streams, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          'text/plain; charset=utf-8',
          `The sandbox failed: ${String((error as Error).message ?? error)}`,
        );
      else res.destroy();
    });
  });
  server.on('close', () => clearInterval(heartbeat));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

async function handle(
  sandbox: Sandbox,
  streams: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Only this machine's browser: a page elsewhere cannot reach in through a DNS name of its own.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    send(res, 403, 'text/plain; charset=utf-8', 'The sandbox answers on 127.0.0.1 only.');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname.startsWith('/assets/'))
    return asset(url.pathname.slice('/assets/'.length), res);
  if (req.method === 'GET' && url.pathname === '/favicon.ico') {
    const bird =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">🐦</text></svg>';
    return send(res, 200, 'image/svg+xml', bird);
  }
  if (req.method === 'GET' && url.pathname === '/events') {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (!sandbox.ready) {
    if (req.method === 'GET' && url.pathname === '/') {
      send(
        res,
        503,
        'text/html; charset=utf-8',
        '<!doctype html><meta http-equiv="refresh" content="1"><p style="font:16px system-ui;margin:3em">Starting a fresh community…</p>',
      );
    } else
      send(
        res,
        503,
        'application/json',
        JSON.stringify({ error: 'The sandbox is starting a fresh community.' }),
      );
    return;
  }
  const community = sandbox.community;
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/parts')) {
    const model = await buildPageModel(
      community,
      url.searchParams.get('as') ?? '',
      url.searchParams.get('c') ?? 'home',
    );
    if (url.pathname === '/') send(res, 200, 'text/html; charset=utf-8', renderPage(model));
    else json(res, 200, renderParts(model));
    return;
  }
  if (req.method === 'GET' && url.pathname.startsWith('/files/'))
    return sharedImage(community, decodeURIComponent(url.pathname.slice('/files/'.length)), res);
  if (req.method !== 'POST' || !url.pathname.startsWith('/api/')) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return;
  }
  // JSON only: a form on another site cannot post here without the browser asking first.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    json(res, 415, { error: 'JSON only' });
    return;
  }
  const body = await readJson(req);
  const { actions, surfaces, timeTravel } = community;
  switch (url.pathname) {
    case '/api/command': {
      const input = schemas.command.parse(body);
      const reply = await actions.command(input.as, input.channel, input.text);
      return json(res, 200, { status: reply.status });
    }
    case '/api/action': {
      const input = schemas.action.parse(body);
      const reply = await actions.action(input.as, {
        surface: input.surface,
        element: input.element,
        state: input.state,
      });
      return json(res, 200, { status: reply?.status ?? 404 });
    }
    case '/api/submit': {
      const input = schemas.submit.parse(body);
      return json(res, 200, await actions.submit(input.as, input.viewId, input.state));
    }
    case '/api/close': {
      const input = schemas.close.parse(body);
      await actions.close(input.as, input.viewId, input.all, input.state);
      return json(res, 200, { ok: true });
    }
    case '/api/options': {
      const input = schemas.options.parse(body);
      const options = await actions.options(input.as, input.viewId, input, input.state);
      return json(res, 200, {
        options: options.map((option) => ({
          value: String(option.value ?? ''),
          text: String((option.text as { text?: unknown } | undefined)?.text ?? option.value ?? ''),
        })),
      });
    }
    case '/api/shortcut': {
      const input = schemas.shortcut.parse(body);
      const reply =
        input.kind === 'global'
          ? await actions.globalShortcut(input.as, input.callbackId)
          : await actions.messageShortcut(input.as, input.callbackId, input);
      return json(res, 200, { status: reply?.status ?? 404 });
    }
    case '/api/home': {
      const input = schemas.home.parse(body);
      await actions.openHome(input.as);
      return json(res, 200, { ok: true });
    }
    case '/api/dismiss': {
      const input = schemas.dismiss.parse(body);
      surfaces.dismissEphemeral(input.as, input.id);
      return json(res, 200, { ok: true });
    }
    case '/api/skip': {
      const next = await timeTravel.skipToNext();
      sandbox.emit('change');
      return json(res, 200, { skipped: next });
    }
    case '/api/fault': {
      const input = schemas.fault.parse(body);
      if (input.status === '') sandbox.healSlack();
      else sandbox.failSlack(Number(input.status) as 429 | 500 | 503, input.seconds);
      return json(res, 200, { ok: true });
    }
    case '/api/reset':
      await sandbox.reset();
      return json(res, 200, { ok: true });
    default:
      json(res, 404, { error: 'unknown endpoint' });
  }
}

async function asset(name: string, res: ServerResponse): Promise<void> {
  const types: Record<string, string> = {
    'sandbox.js': 'text/javascript; charset=utf-8',
    'sandbox.css': 'text/css; charset=utf-8',
  };
  const type = types[name];
  if (!type) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return;
  }
  send(res, 200, type, await readFile(`${ASSETS}${name}`, 'utf8'));
}

/**
 * An image shared in a conversation, for the page's <img>: Slack shows shared images inline. Other
 * files (the .ics invite) stay cards with a name and a size, as the page showed them before.
 */
function sharedImage(community: Community, fileId: string, res: ServerResponse): void {
  const upload = community.slack.uploads.find((each) => each.fileId === fileId);
  const type = upload ? mimeTypeOf(upload.filename) : '';
  if (!upload?.completed || !upload.bytes || !type.startsWith('image/')) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return;
  }
  send(res, 200, type, upload.bytes);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(body);
}
