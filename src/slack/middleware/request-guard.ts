import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../observability/logger.ts';
import { awaitAcknowledgement } from '../follow-ups.ts';
import { requestArrival } from './arrivals.ts';
import { isObjectBody, isSslCheck } from './request-body-shape.ts';
import { hasValidSlackSignature, isFreshTimestamp } from './slack-signature.ts';

/**
 * Slack's own payloads stay far below this (a modal submission is a few tens of KB); Bolt's default
 * of 4 MB let unsigned posts fill memory and delay real requests.
 */
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;

/** Below this an unsigned form post may be Slack's `ssl_check`, which Bolt answers itself. */
const UNSIGNED_SMALL_BYTES = 1024;

type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/**
 * Checks Slack's signature, and what Bolt's HTTPReceiver checks too late or not at all, before it
 * sees a request to the events endpoint: a post without Slack's signature headers is refused
 * before its body is read (unless it is small enough to be Slack's unsigned `ssl_check`);
 * a body over the limit is refused while it is read (or at once from its Content-Length); a signed
 * body that is not a JSON object (`payload=null`) gets a 400 instead of crashing Bolt's parser
 * with an unhandled rejection and no answer. The body read here is handed to Bolt as `rawBody`,
 * which Bolt uses instead of reading the stream again.
 *
 * A signature that does not match although its timestamp is fresh almost always means a wrong
 * `SLACK_SIGNING_SECRET`; that is said once per process, naming the setting.
 */
export function guardSlackRequests(
  receiver: HTTPReceiver,
  endpoint: string,
  options: { signingSecret: string; logger: Logger; limitBytes?: number },
): void {
  const limit = options.limitBytes ?? SLACK_BODY_LIMIT_BYTES;
  let mismatchReported = false;
  const listen = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    // Holds the follow-up lane until this request is counted as awaiting its ack, or answered.
    const arrived = requestArrival(req);
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method !== 'POST' || path !== endpoint) {
      arrived();
      return listen(req, res);
    }
    res.once('close', arrived);

    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > limit) return refuse(res, 413);
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    const signed = typeof signature === 'string' && typeof timestamp === 'string';
    if (!signed && !(declared <= UNSIGNED_SMALL_BYTES)) return refuse(res, 401);

    readLimited(req, limit).then(
      (body) => {
        if (body === 'too-large') return refuse(res, 413);
        (req as BufferedRequest).rawBody = body;
        const text = body.toString();
        const valid = signed && hasValidSlackSignature({ signature, timestamp, body }, options.signingSecret);
        if (signed && !valid && !mismatchReported && isFreshTimestamp(timestamp)) {
          mismatchReported = true;
          options.logger.error(
            'A request to /slack/events carried a fresh Slack signature that does not match: check ' +
              'SLACK_SIGNING_SECRET (Slack app settings → Basic Information → App Credentials → Signing Secret). ' +
              'Said once; such requests get 401.',
          );
        }
        // Refused here, so Bolt does not log a mismatch line for every one of them.
        if (signed && !valid) return refuse(res, 401);
        // Bolt no longer checks signatures (createSlackApp turns that off: this check is the one),
        // so the only unsigned request it may see is Slack's ssl_check, stripped to just that, as
        // Bolt itself strips it, so nothing can ride in beside it.
        if (!signed) {
          if (!isSslCheck(text, req.headers['content-type'])) return refuse(res, 401);
          (req as BufferedRequest).rawBody = Buffer.from('ssl_check=1');
        }
        if (valid && !isObjectBody(text, req.headers['content-type'])) return refuse(res, 400);
        // Counted from here, whole and verified, until answered; before this, only as an arrival,
        // which a body trickled in slowly holds for ARRIVAL_LIMIT_MS at most.
        if (valid) awaitAcknowledgement(res);
        arrived();
        try {
          listen(req, res);
        } catch {
          if (!res.headersSent) refuse(res, 500);
        }
      },
      () => {
        if (!res.headersSent) refuse(res, 400);
      },
    );
  };
}

/** Answers without reading any more of the body, and closes the connection behind the answer. */
function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: 'close' });
  res.end();
}

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
