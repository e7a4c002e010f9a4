import type { FetchFunction } from '@slack/web-api';
import { postToResponseUrl } from '../slack/outbound/response-url-post.ts';
import { metrics } from './metrics.ts';

/**
 * The `fetch` given to Bolt and to every Web API client. It counts each HTTP request by method and
 * status, so both roles' calls and every 429 show on /metrics (the client's own retries included:
 * each is a call Slack counts against our limits). Web API calls are counted by method; Bolt's
 * `respond()` posts (JSON to a response_url) as `response_url`, and go through
 * postToResponseUrl rather than the global fetch; anything else (uploads to the URL that
 * files.getUploadURLExternal hands out) as `upload`.
 */
export function countSlackApiCalls(apiUrl: string, timeoutMs: number): FetchFunction {
  return async (url, init) => {
    const href = String(url);
    const answer = !href.startsWith(apiUrl) && isJsonPost(init);
    const method = href.startsWith(apiUrl)
      ? href.slice(apiUrl.length).split('?', 1)[0]!
      : answer
        ? 'response_url'
        : 'upload';
    try {
      const response = answer
        ? await postToResponseUrl(new URL(href), String(init?.body ?? ''), timeoutMs)
        : await (globalThis.fetch as unknown as FetchFunction)(url, init);
      metrics.slackApiCalls.inc({ method, status: String(response.status) });
      return response;
    } catch (error) {
      metrics.slackApiCalls.inc({ method, status: 'error' });
      throw error;
    }
  };
}

/** Bolt's respond() sends a JSON string; uploads send files, never JSON. */
function isJsonPost(init: RequestInit | undefined): boolean {
  if (init?.method !== 'POST' || typeof init.body !== 'string') return false;
  return (new Headers(init.headers).get('content-type') ?? '').startsWith('application/json');
}
