import { WebClient } from '@slack/web-api';
import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import { slackClientOptions } from './slack-client.ts';

/** Slack's answers that mean the token itself is wrong, not that Slack is away. */
const BAD_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/** A setting that is well-formed but refused; the process stops with this message. */
export class CredentialsRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsRejectedError';
  }
}

/**
 * Asks Slack (`auth.test`) whether the configured bot token works, before the app says it is
 * running: a well-formed but wrong token otherwise starts "fine" and then fails every request and
 * job with an unhandled `invalid_auth`. Only a refusal stops the start; Slack being unreachable is
 * logged and the app starts anyway, since it recovers when Slack does.
 */
export async function checkBotToken(config: Config, logger: Logger): Promise<void> {
  const token = config.slack.botToken;
  if (!token) return;
  const client = new WebClient(token, {
    ...slackClientOptions(config, logger),
    timeout: 5_000,
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 500 },
  });
  try {
    await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && BAD_TOKEN.has(code)) {
      throw new CredentialsRejectedError(
        `Mockingbird cannot start: Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token ` +
          '(xoxb-…) again from your Slack app settings → OAuth & Permissions; if the app was reinstalled ' +
          'or the token rotated, the old one no longer works.',
      );
    }
    logger.warn({ err: (error as Error).message }, 'could not check SLACK_BOT_TOKEN with Slack at start-up');
  }
}
