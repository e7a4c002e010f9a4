import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../observability/logger.ts';
import { carriesStamp } from './send-stamp.ts';
import { SlackPermanentError } from './slack-error-kind.ts';

/** What the conversation says about a keyed send whose outcome we never recorded. */
export type StampedMessageSearch =
  | { outcome: 'posted'; ts: string }
  | { outcome: 'absent' }
  /** We may not read the conversation (or it is gone): whether Slack has the message is unknown. */
  | { outcome: 'unreadable'; code: string };

// Slack's clock and the database's (which dates the attempt) may disagree a little; a minute more
// of history costs nothing in a group DM.
const CLOCK_MARGIN_MS = 60_000;
// A send's channel rarely gets more than a handful of messages between an attempt and its retry
// (seconds to minutes apart); five pages of 200 are a bound, not an expectation.
const PAGE_SIZE = 200;
const MAX_PAGES = 5;
// Codes that mean "this token may not read this conversation's history", as opposed to a failure.
const UNREADABLE_CODES = new Set([
  'missing_scope',
  'not_allowed_token_type',
  'no_permission',
  'access_denied',
]);

type Call = <T>(method: string, invoke: (client: WebClient) => Promise<T>) => Promise<T>;

/**
 * Looks through a conversation's recent history (conversations.history with include_all_metadata)
 * for the message a keyed send stamped (send-stamp.ts), from shortly before its first attempt.
 *
 * Reading history needs im:history (DMs) or mpim:history (group DMs); see manifest.yml for why
 * the app holds those two and no other. Without the scope (an install that has not re-consented,
 * a public channel) the search answers `unreadable` and the caller sends as before: at least
 * once. That is logged once per scope and token, not once per send.
 */
export class StampedMessageFinder {
  private readonly deniedLogged = new Set<string>();

  constructor(
    private readonly call: Call,
    private readonly logger: Logger,
  ) {}

  async find(channel: string, key: string, attemptedAt: Date): Promise<StampedMessageSearch> {
    const oldest = ((attemptedAt.getTime() - CLOCK_MARGIN_MS) / 1000).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      let history: Awaited<ReturnType<WebClient['conversations']['history']>>;
      try {
        history = await this.call('conversations.history', (client) =>
          client.conversations.history({
            channel,
            oldest,
            inclusive: true,
            limit: PAGE_SIZE,
            include_all_metadata: true,
            ...(cursor ? { cursor } : {}),
          }),
        );
      } catch (error) {
        // Transient failures and rate limits go back to the caller: the job retries and looks again.
        if (!(error instanceof SlackPermanentError)) throw error;
        this.reportUnreadable(channel, error);
        return { outcome: 'unreadable', code: error.code };
      }
      const stamped = history.messages?.find((message) => carriesStamp(message, key));
      if (stamped?.ts) return { outcome: 'posted', ts: stamped.ts };
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!history.has_more || !cursor) return { outcome: 'absent' };
    }
    this.logger.warn(
      { channel, key, pages: MAX_PAGES },
      'too much history since a send attempt to look through; sending it again',
    );
    return { outcome: 'absent' };
  }

  private reportUnreadable(channel: string, error: SlackPermanentError): void {
    const needed = error.needed ?? error.code;
    if (!UNREADABLE_CODES.has(error.code)) {
      // channel_not_found and the like: the send that follows fails the same way and is recorded.
      return;
    }
    if (this.deniedLogged.has(needed)) return;
    this.deniedLogged.add(needed);
    this.logger.warn(
      { channel, code: error.code, needed },
      'cannot read conversation history to check an interrupted send; such sends may arrive twice ' +
        'until the app is reinstalled with the scopes in manifest.yml',
    );
  }
}
