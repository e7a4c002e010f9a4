import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { postToResponseUrl } from '../../../../src/slack/outbound/response-url-post.ts';

let server: Server | undefined;

/** A response_url host on a free port, answering each post with `answer`. */
async function hostAnswering(answer: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => answer(req, res, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/commands/T0/1/abc`);
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('postToResponseUrl', () => {
  it("posts the JSON answer and resolves to Slack's status", async () => {
    const received: Array<{ type?: string; body: string }> = [];
    const url = await hostAnswering((req, res, body) => {
      received.push({ type: req.headers['content-type'], body });
      res.end('ok');
    });
    const response = await postToResponseUrl(url, '{"text":"You have no open request."}', 5_000);
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(received).toEqual([{ type: 'application/json', body: '{"text":"You have no open request."}' }]);
  });

  it('resolves, not rejects, when Slack refuses the answer, so Bolt can tell why', async () => {
    const url = await hostAnswering((_req, res) => {
      res.writeHead(404, 'Not Found');
      res.end('expired_url');
    });
    const response = await postToResponseUrl(url, '{}', 5_000);
    expect(response.ok).toBe(false);
    expect([response.status, response.statusText]).toEqual([404, 'Not Found']);
  });

  // A host closes a connection it has kept alive once it has been idle for its own timeout (5 s
  // for Node's server, the tests' fake Slack). An answer sent on it at that moment is lost with the
  // connection, before the host has read it; the member would never see it.
  it('sends again on a new connection when the host closes the kept-alive one under it', async () => {
    const answered: string[] = [];
    const requestsOnSocket = new WeakMap<object, number>();
    const url = await hostAnswering((req, res, body) => {
      const count = (requestsOnSocket.get(req.socket) ?? 0) + 1;
      requestsOnSocket.set(req.socket, count);
      // The second request on a connection finds it closing: no answer, the connection reset.
      if (count > 1) return req.socket.destroy();
      answered.push(body);
      res.end('ok');
    });
    expect((await postToResponseUrl(url, '{"text":"first"}', 5_000)).status).toBe(200);
    expect((await postToResponseUrl(url, '{"text":"second"}', 5_000)).status).toBe(200);
    expect(answered).toEqual(['{"text":"first"}', '{"text":"second"}']);
  });

  it('lets an idle connection go before the host’s announced keep-alive timeout ends', async () => {
    const connections = new Set<object>();
    const url = await hostAnswering((req, res) => {
      connections.add(req.socket);
      res.end('ok');
    });
    // Node's server announces this as `Keep-Alive: timeout=2`.
    server!.keepAliveTimeout = 2_000;
    await postToResponseUrl(url, '{}', 5_000);
    await sleep(1_300);
    await postToResponseUrl(url, '{}', 5_000);
    // A second before the host would close it, the first connection was let go: a new one took this.
    expect(connections.size).toBe(2);
  });

  it('does not send again when a new connection fails: the host may have read the answer', async () => {
    let attempts = 0;
    const url = await hostAnswering((req) => {
      attempts += 1;
      req.socket.destroy();
    });
    await expect(postToResponseUrl(url, '{}', 5_000)).rejects.toThrow();
    expect(attempts).toBe(1);
  });

  it('gives up on a host that never answers', async () => {
    const url = await hostAnswering(() => {});
    await expect(postToResponseUrl(url, '{}', 200)).rejects.toThrow(
      'response_url did not answer within 200 ms',
    );
  });
});
