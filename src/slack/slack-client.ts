import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.ts';
import { toSlackLogger } from '../observability/bolt-logger.ts';
import type { Logger } from '../observability/logger.ts';
import { countSlackApiCalls } from '../observability/slack-api-metrics.ts';

/**
 * How the app's Web API clients are built; the worker's sends then go through src/slack/outbound.
 * The SDK's defaults retry a failed call for about thirty minutes, pause every call on a 429 and
 * never time out; that would hold a Slack request or a job hostage. We retry briefly and time out,
 * and let BullMQ own longer retries for background work.
 */
export function slackClientOptions(config: Config, logger: Logger): WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    logger: toSlackLogger(logger),
    timeout: config.slackApiTimeoutMs,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000, randomize: true },
    fetch: countSlackApiCalls(config.slack.apiUrl, config.slackApiTimeoutMs),
  };
}

/** Workers' client: a 429 surfaces as an error at once so the job is retried after Retry-After. */
export function createWorkerSlackClient(config: Config, logger: Logger): WebClient {
  return new WebClient(config.slack.botToken, {
    ...slackClientOptions(config, logger),
    rejectRateLimitedCalls: true,
  });
}
