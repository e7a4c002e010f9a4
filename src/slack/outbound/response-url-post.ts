import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * Kept-alive connections to Slack's response_url host (hooks.slack.com): the web role posts an
 * answer there for most of what it acknowledges. An idle connection is dropped after
 * IDLE_CONNECTION_MS, or a second before the host's announced `Keep-Alive: timeout` if that is
 * sooner: Node heeds the host's hint only when the agent has a timeout of its own.
 */
const IDLE_CONNECTION_MS = 30_000;
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64, timeout: IDLE_CONNECTION_MS }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64, timeout: IDLE_CONNECTION_MS }),
};

/**
 * Posts a JSON answer to a response_url and resolves to a bodiless Response carrying Slack's
 * status, which is all Bolt's `respond()` reads. It stands in for the global fetch on this one
 * path because the web role makes that post for two of every three requests it acknowledges, on
 * the event loop that sends every ack, and fetch's Streams, Headers and Response machinery cost
 * three to four times the CPU of a plain node:http request for the same post (two rounds of 4,000
 * posts to a local server: 431 against 130 µs a post, then 265 against 61, client and server
 * together).
 */
export async function postToResponseUrl(url: URL, body: string, timeoutMs: number): Promise<Response> {
  const first = await postOnce(url, body, timeoutMs, 'kept-alive');
  if (first instanceof Response) return first;
  // The host closed a kept-alive connection as the answer went out on it (its idle timeout ran
  // out at that moment), so it never read the answer: send it once more, on a new connection.
  const second = await postOnce(url, body, timeoutMs, 'new');
  if (second instanceof Response) return second;
  throw second.error;
}

/** A reused connection that failed before any answer came back: the post never reached the host. */
interface StaleConnection {
  error: Error;
}

/** How a connection the host closed under a request fails: reset, or written to after closing. */
const CLOSED_UNDER_US = new Set(['ECONNRESET', 'EPIPE']);

function postOnce(
  url: URL,
  body: string,
  timeoutMs: number,
  connection: 'kept-alive' | 'new',
): Promise<Response | StaleConnection> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  // No agent: a connection of its own, closed after the answer.
  const agent = connection === 'new' ? false : url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = send(
      url,
      {
        method: 'POST',
        agent,
        timeout: timeoutMs,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response: IncomingMessage) => {
        answered = true;
        // Slack's answer is a word ("ok" or an error name); reading it frees the connection.
        response.resume();
        response.once('end', () =>
          resolve(
            new Response(null, {
              status: response.statusCode ?? 502,
              statusText: response.statusMessage ?? '',
            }),
          ),
        );
        response.once('error', reject);
      },
    );
    request.once('timeout', () =>
      request.destroy(new Error(`response_url did not answer within ${timeoutMs} ms`)),
    );
    request.once('error', (error: NodeJS.ErrnoException) => {
      // Only a connection that served an earlier post and then broke before any answer: a new one
      // may fail after the host has read the answer, and posting twice would show it twice.
      if (request.reusedSocket && !answered && CLOSED_UNDER_US.has(error.code ?? '')) resolve({ error });
      else reject(error);
    });
    request.end(body);
  });
}
