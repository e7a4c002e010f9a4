import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it('gives up on a host that never answers', async () => {
    const url = await hostAnswering(() => {});
    await expect(postToResponseUrl(url, '{}', 200)).rejects.toThrow(
      'response_url did not answer within 200 ms',
    );
  });
});
