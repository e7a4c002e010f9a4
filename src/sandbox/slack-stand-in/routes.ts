/**
 * The fake's HTTP surface: the Web API under `/api/`, file upload URLs under `/upload/v1/` and
 * response_urls under `/response/`. (The Socket Mode upgrade is socket-mode.ts.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, sendText } from './http.ts';
import { LIMITS } from './limits.ts';
import type { Recorder } from './recorder.ts';
import type { Json } from './types.ts';
import type { WebApi } from './web-api/dispatch.ts';
import { mediaType, multipartForm } from './web-api/request.ts';
import type { Workspace } from './workspace/workspace.ts';

export class Routes {
  constructor(
    private readonly workspace: Workspace,
    private readonly recorder: Recorder,
    private readonly webApi: WebApi,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', this.workspace.identity.url);
      const body = await readBody(req);
      if (url.pathname.startsWith('/api/')) {
        await this.webApi.handle(decodeURIComponent(url.pathname.slice('/api/'.length)), url, req, body, res);
      } else if (url.pathname.startsWith('/upload/v1/')) {
        await this.handleUpload(url.pathname.slice('/upload/v1/'.length), req, body, res);
      } else if (url.pathname.startsWith('/response/')) {
        this.handleResponseUrl(url, body, res);
      } else {
        sendText(res, 404, 'Not Found');
      }
    } catch (error) {
      // A bug in the fake must be loud, not look like a Slack answer.
      if (!res.headersSent) sendText(res, 500, `SlackStandIn internal error: ${String(error)}`);
      else res.destroy();
    }
  }

  private async handleUpload(
    fileId: string,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): Promise<void> {
    const upload = this.workspace.world.uploads.get(fileId);
    if (!upload || req.method !== 'POST') {
      sendText(res, 404, 'Not Found');
      return;
    }
    upload.bytes = await uploadedBytes(req.headers['content-type'], body);
    this.recorder.notify();
    // What files.slack.com answers to a successful upload.
    sendText(res, 200, `OK - ${upload.bytes.length}`);
  }

  private handleResponseUrl(url: URL, body: Buffer, res: ServerResponse): void {
    const id = url.pathname.slice('/response/'.length);
    const entry = this.workspace.world.responseUrls.get(id);
    if (!entry) {
      sendText(res, 404, 'expired_url');
      return;
    }
    if (entry.uses >= LIMITS.responseUrlUses) {
      sendText(res, 404, 'used_url');
      return;
    }
    entry.uses += 1;
    let parsed: Json;
    try {
      parsed = JSON.parse(body.toString('utf8')) as Json;
    } catch {
      sendText(res, 400, 'invalid_payload');
      return;
    }
    this.recorder.recordResponse({
      id,
      name: entry.name,
      url: `${this.workspace.identity.url}${url.pathname}`,
      body: parsed,
      at: new Date(),
    });
    sendJson(res, 200, { ok: true });
  }
}

/** files.slack.com takes raw bytes or a multipart form; WebClient sends the file as a form part. */
async function uploadedBytes(contentType: string | undefined, body: Buffer): Promise<Buffer> {
  if (mediaType(contentType) !== 'multipart/form-data') return body;
  for (const [, value] of await multipartForm(contentType!, body)) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}
