import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger.ts';
import { metrics } from '../../observability/metrics.ts';
import { RetryLaterError } from '../../queue/defer-job.ts';
import type { Database } from '../../store/prisma.ts';
import {
  findSendState,
  findSentMessage,
  forgetSendAttempt,
  recordSendAttempt,
  recordSendFailure,
  recordSentMessage,
  type SentMessageRecord,
} from '../../store/sent-messages.ts';
import { ChannelPacer } from './channel-pacer.ts';
import { sendStamp } from './send-stamp.ts';
import { classifySlackError, SlackPermanentError } from './slack-error-kind.ts';
import { StampedMessageFinder } from './stamped-message-finder.ts';

export interface OutboundMessage {
  channel: string;
  text: string;
  blocks?: KnownBlock[];
  thread_ts?: string;
  /** false keeps Slack from expanding links in the message (a question's sources, say). */
  unfurl_links?: boolean;
}

/** Where a keyed message went. `ts` is null only for a key recorded without one (see recordSentMessage). */
export interface PostedMessage {
  channel: string;
  ts: string | null;
}

export interface SlackOutboundOptions {
  /** The worker's client (createWorkerSlackClient): a 429 must surface as an error, not a pause. */
  client: WebClient;
  redis: Redis;
  /** The queue prefix; the pacer's and the send claims' keys live under it. */
  prefix: string;
  db: Database;
  logger: Logger;
  /** The longest one call waits in place (Retry-After, the channel's turn) before it hands the wait to BullMQ. */
  maxInlineWaitMs?: number;
  /** The gap kept between two messages to one channel. */
  channelIntervalMs?: number;
}

const MIN_RATE_LIMIT_WAIT_MS = 1_000;
// Polling for another worker's claim on a key: it normally holds it for one Web API call.
const CLAIM_POLL_MS = 200;
// A claim is short and renewed while its send runs: if its holder dies (a killed worker), the
// retry of the same job takes over within seconds instead of waiting out the longest possible send.
// No longer than the time-critical jobs' BullMQ lock (5 s, src/queue/catalogue.ts), so a reminder
// taken over from a dead worker does not then wait on the dead worker's claim as well.
const CLAIM_TTL_MS = 5_000;
const CLAIM_RENEW_MS = 1_500;
const RENEW_CLAIM = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE_CLAIM = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The worker's one way out to Slack. Every call runs through `call`: messages into a channel wait
 * for the channel's turn (ChannelPacer), a 429 is waited out in place when Retry-After is short and
 * turned into a RetryLaterError (for deferJob) when it is not, a permanent error becomes a
 * SlackPermanentError (BullMQ's UnrecoverableError), and anything else (a 5xx, a timeout, a dropped
 * connection that the client's own few retries did not get past) is rethrown for BullMQ's
 * attempts and exponential backoff.
 */
export class SlackOutbound {
  private readonly client: WebClient;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly db: Database;
  private readonly logger: Logger;
  private readonly maxInlineWaitMs: number;
  private readonly pacer: ChannelPacer;
  private readonly finder: StampedMessageFinder;

  constructor(options: SlackOutboundOptions) {
    this.client = options.client;
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.db = options.db;
    this.logger = options.logger;
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 30_000;
    this.pacer = new ChannelPacer({
      redis: options.redis,
      prefix: options.prefix,
      intervalMs: options.channelIntervalMs ?? 1_000,
    });
    this.finder = new StampedMessageFinder((method, invoke) => this.call(method, invoke), this.logger);
  }

  /**
   * Posts the message once per `key`: a key already sent answers with what was recorded, without
   * calling Slack; a key that failed for good throws its SlackPermanentError again, also without
   * calling Slack. Two runs of the same key at once (a stalled job picked up again) take turns
   * through a Redis claim, and the second finds the first one's record.
   *
   * Slack has no idempotency key for chat.postMessage, so each attempt is written down before it
   * calls Slack (recordSendAttempt) and the message carries the key in its metadata (send-stamp.ts).
   * A run that finds an attempt without an outcome (its worker died mid-call, or Slack's answer
   * was lost to a timeout or 5xx) first looks for the stamped message in the conversation since
   * that attempt, and records it instead of posting again. Twice remains possible only where the
   * look cannot tell: the token may not read the conversation's history (logged once), the first
   * request was still inside Slack when the look ran, or the message is a thread reply (not in
   * conversations.history).
   */
  async postMessageOnce(key: string, message: OutboundMessage): Promise<PostedMessage> {
    const deadline = Date.now() + this.maxInlineWaitMs;
    for (;;) {
      // The claim first, then one read of the ledger under it: a first send (nearly every send)
      // reads the database once before it posts.
      const claim = await this.takeClaim(key);
      if (claim) {
        const renewal = setInterval(() => void this.renewClaim(key, claim), CLAIM_RENEW_MS);
        try {
          const state = await findSendState(this.db, key);
          if (state.recorded) return postedOrThrow(state.recorded);
          if (state.attemptedAt && !message.thread_ts) {
            const found = await this.finder.find(message.channel, key, state.attemptedAt);
            metrics.interruptedSends.inc({ outcome: found.outcome === 'posted' ? 'found' : found.outcome });
            if (found.outcome === 'posted') {
              this.logger.info(
                { key, channel: message.channel, ts: found.ts },
                'an interrupted send had reached Slack; recorded it instead of posting again',
              );
              await recordSentMessage(this.db, { key, channelId: message.channel, ts: found.ts });
              return { channel: message.channel, ts: found.ts };
            }
          }
          return await this.postAndRecord(key, message);
        } finally {
          clearInterval(renewal);
          await this.releaseClaim(key, claim);
        }
      }
      // Someone else holds the claim; they may be done already.
      const recorded = await this.recorded(key);
      if (recorded) return recorded;
      if (Date.now() + CLAIM_POLL_MS > deadline) {
        throw new RetryLaterError(CLAIM_POLL_MS * 5, `message ${key} is being sent by another worker`);
      }
      await sleep(CLAIM_POLL_MS);
    }
  }

  /** Redraws a message we posted. Not paced: an edit adds nothing to the channel. */
  async updateMessage(
    channel: string,
    ts: string,
    message: Omit<OutboundMessage, 'channel' | 'thread_ts'>,
  ): Promise<void> {
    await this.call('chat.update', (client) =>
      client.chat.update({ channel, ts, text: message.text, blocks: message.blocks }),
    );
  }

  /** The DM (one user) or group DM (several) with these people; Slack returns the same one each time. */
  async openConversation(users: string[]): Promise<string> {
    const opened = await this.call('conversations.open', (client) =>
      client.conversations.open({ users: users.join(',') }),
    );
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open answered without a channel id');
    return id;
  }

  /**
   * Uploads a file and shares it in the channel (files.uploadV2: its three calls are one attempt).
   * Text goes as `content`, bytes (a PNG) as `file`; `altText` is what a screen reader reads for an image.
   */
  async uploadFile(file: {
    channel: string;
    filename: string;
    content: string | Buffer;
    title: string;
    initialComment?: string;
    altText?: string;
  }): Promise<void> {
    const { content } = file;
    await this.call(
      'files.uploadV2',
      (client) =>
        client.filesUploadV2({
          channel_id: file.channel,
          filename: file.filename,
          ...(typeof content === 'string' ? { content } : { file: content }),
          title: file.title,
          initial_comment: file.initialComment,
          alt_text: file.altText,
        }),
      { channel: file.channel },
    );
  }

  /** A message only `user` sees. Paced with the channel's other messages. */
  async postEphemeral(message: OutboundMessage & { user: string }): Promise<void> {
    await this.call(
      'chat.postEphemeral',
      (client) =>
        client.chat.postEphemeral({
          channel: message.channel,
          user: message.user,
          text: message.text,
          blocks: message.blocks,
          thread_ts: message.thread_ts,
        }),
      { channel: message.channel },
    );
  }

  /**
   * Runs one Web API call with this gateway's rules (see the class comment). `method` names the
   * call in errors and logs; `channel`, when the call posts into a channel, paces it there.
   * For calls the named methods above do not cover (users.info, …).
   */
  async call<T>(
    method: string,
    invoke: (client: WebClient) => Promise<T>,
    options: { channel?: string } = {},
  ): Promise<T> {
    const deadline = Date.now() + this.maxInlineWaitMs;
    for (;;) {
      if (options.channel) await this.waitForTurn(options.channel, deadline);
      try {
        return await invoke(this.client);
      } catch (error) {
        const kind = classifySlackError(error);
        if (kind.kind === 'permanent') throw new SlackPermanentError(method, kind.code, kind.needed);
        if (kind.kind === 'transient') throw error;
        // Retry-After counts whole seconds, so 0 means "under a second", not "hammer away".
        const waitMs = Math.max(kind.retryAfterMs, MIN_RATE_LIMIT_WAIT_MS);
        if (Date.now() + waitMs > deadline) {
          metrics.slackRateLimited.inc({ method, handling: 'deferred' });
          throw new RetryLaterError(waitMs, `${method} rate limited for ${waitMs} ms`);
        }
        metrics.slackRateLimited.inc({ method, handling: 'waited' });
        this.logger.info({ method, retryAfterMs: waitMs }, 'slack rate limited; waiting it out');
        // Back into the channel's queue after the wait, so callers that were all told to wait do
        // not all come back in the same instant.
        await sleep(waitMs);
      }
    }
  }

  private async waitForTurn(channel: string, deadline: number): Promise<void> {
    const turn = await this.pacer.takeTurn(channel, deadline - Date.now());
    if (!turn.taken) {
      throw new RetryLaterError(turn.waitMs, `channel ${channel} is busy for ${turn.waitMs} ms`);
    }
    if (turn.waitMs > 0) await sleep(turn.waitMs);
  }

  private async postAndRecord(key: string, message: OutboundMessage): Promise<PostedMessage> {
    const firstAttempt = await recordSendAttempt(this.db, { key, channelId: message.channel });
    let posted: { channel?: string; ts?: string };
    try {
      posted = await this.call(
        'chat.postMessage',
        (client) =>
          client.chat.postMessage({
            channel: message.channel,
            text: message.text,
            blocks: message.blocks,
            thread_ts: message.thread_ts,
            metadata: sendStamp(key),
            ...(message.unfurl_links === undefined ? {} : { unfurl_links: message.unfurl_links }),
          }),
        { channel: message.channel },
      );
    } catch (error) {
      if (error instanceof SlackPermanentError) {
        await recordSendFailure(this.db, { key, channelId: message.channel, failedWith: error.code });
        this.logger.warn(
          { key, channel: message.channel, code: error.code },
          'message cannot be sent; recorded so that it is not tried again',
        );
      } else if (error instanceof RetryLaterError && firstAttempt) {
        // Refused before it was sent (a 429, the channel's turn too far off): nothing to look for
        // next time. An earlier attempt's row stays, since that one may have reached Slack.
        await forgetSendAttempt(this.db, key);
      }
      throw error;
    }
    const sent = { channel: posted.channel ?? message.channel, ts: posted.ts ?? null };
    await recordSentMessage(this.db, { key, channelId: sent.channel, ts: sent.ts });
    return sent;
  }

  private async recorded(key: string): Promise<PostedMessage | null> {
    const found = await findSentMessage(this.db, key);
    return found ? postedOrThrow(found) : null;
  }

  private claimKey(key: string): string {
    return `${this.prefix}:slack-send:${key}`;
  }

  private async takeClaim(key: string): Promise<string | null> {
    const token = randomUUID();
    const taken = await this.redis.set(this.claimKey(key), token, 'PX', CLAIM_TTL_MS, 'NX');
    return taken === 'OK' ? token : null;
  }

  private async renewClaim(key: string, token: string): Promise<void> {
    try {
      await this.redis.eval(RENEW_CLAIM, 1, this.claimKey(key), token, String(CLAIM_TTL_MS));
    } catch {
      // Redis is away: the send fails or finishes on its own; the claim lapses harmlessly.
    }
  }

  private async releaseClaim(key: string, token: string): Promise<void> {
    try {
      await this.redis.eval(RELEASE_CLAIM, 1, this.claimKey(key), token);
    } catch (error) {
      // The claim then expires by itself; only a concurrent retry of the same key waits for it.
      this.logger.warn({ key, err: (error as Error).message }, 'could not release a send claim');
    }
  }
}

/** A recorded send as the caller sees it: where it went, or its permanent failure thrown again. */
function postedOrThrow(found: SentMessageRecord): PostedMessage {
  if (found.failedWith) throw new SlackPermanentError('chat.postMessage', found.failedWith);
  return { channel: found.channelId, ts: found.ts };
}
