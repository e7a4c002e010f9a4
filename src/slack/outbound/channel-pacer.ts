import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Hands out each channel's next turn to post, about one message per second per channel as Slack
 * asks (https://docs.slack.dev/apis/web-api/rate-limits), shared by every worker
 * process through Redis.
 *
 * The channel's key holds the earliest time its next message may go. Taking a turn is one atomic
 * script: the turn is that time or now, whichever is later, and the key moves on by one interval
 * past it. A quiet channel therefore posts at once, and callers that arrive together are spread an
 * interval apart in arrival order. Time is Redis's own clock, so workers on machines whose clocks
 * disagree still agree on the turns. The key expires when its time has passed: idle channels cost
 * nothing. A turn that would come later than the caller will wait is not taken, so handing the
 * wait to BullMQ does not leave a reserved gap behind.
 */
const TAKE_TURN = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local interval = tonumber(ARGV[1])
local turn = math.max(now, nextFree)
local wait = turn - now
if wait > tonumber(ARGV[2]) then
  return {0, wait}
end
redis.call('SET', KEYS[1], string.format('%.0f', turn + interval), 'PX', wait + interval)
return {1, wait}
`;
const TAKE_TURN_SHA = createHash('sha1').update(TAKE_TURN).digest('hex');

/** `taken`: the turn is the caller's once `waitMs` has passed. Otherwise the channel is busy that long. */
export interface ChannelTurn {
  taken: boolean;
  waitMs: number;
}

export class ChannelPacer {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly intervalMs: number;

  constructor(options: { redis: Redis; prefix: string; intervalMs?: number }) {
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.intervalMs = options.intervalMs ?? 1_000;
  }

  /** Takes the channel's next turn if it comes within `maxWaitMs`, and says how long until it. */
  async takeTurn(channel: string, maxWaitMs: number): Promise<ChannelTurn> {
    const key = `${this.prefix}:slack-pace:${channel}`;
    const args = [String(this.intervalMs), String(Math.max(0, Math.floor(maxWaitMs)))];
    const reply = await this.redis.evalsha(TAKE_TURN_SHA, 1, key, ...args).catch((error: unknown) => {
      // The script cache is empty after a Redis restart or on a fresh server: send it once.
      if (error instanceof Error && error.message.startsWith('NOSCRIPT')) {
        return this.redis.eval(TAKE_TURN, 1, key, ...args);
      }
      throw error;
    });
    if (!Array.isArray(reply) || reply.length !== 2)
      throw new Error(`unexpected pacer reply: ${String(reply)}`);
    return { taken: Number(reply[0]) === 1, waitMs: Number(reply[1]) };
  }
}
