import type { FetchFunction } from '@slack/web-api';
import { metrics } from './metrics.ts';

/**
 * A `fetch` for the Web API client that counts every HTTP request it makes by method and status,
 * so both roles' calls and every 429 show on /metrics (the client's own retries included: each
 * is a call Slack counts against our limits). Uploads to the URL that files.getUploadURLExternal
 * hands out are not Web API methods and count as `upload`.
 */
export function countSlackApiCalls(apiUrl: string): FetchFunction {
  return async (url, init) => {
    const href = String(url);
    const method = href.startsWith(apiUrl) ? href.slice(apiUrl.length).split('?', 1)[0]! : 'upload';
    try {
      const response = await (globalThis.fetch as unknown as FetchFunction)(url, init);
      metrics.slackApiCalls.inc({ method, status: String(response.status) });
      return response;
    } catch (error) {
      metrics.slackApiCalls.inc({ method, status: 'error' });
      throw error;
    }
  };
}
