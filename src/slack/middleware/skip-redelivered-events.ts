import type { Context } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger.ts';
import { metrics } from '../../observability/metrics.ts';

/**
 * Slack redelivers an event it believes we missed (X-Slack-Retry-Num 1 to 3: at once, after about
 * a minute, after about five), so an hour covers every retry with room to spare.
 */
const HANDLED_EVENT_TTL_SECONDS = 3_600;

/**
 * Processes each Events API event once. Bolt acknowledges an event before any middleware runs,
 * so a redelivery is already answered; what is left is not to process it again. The first
 * delivery of an event_id claims it in Redis (SET NX EX), shared by every web process; a later
 * one (a retry, or a rare duplicate delivery) finds the claim, and the returned check says so.
 * Any other request is no redelivery, and is told so without a promise.
 */
export function redeliveryCheck(options: {
  redis: Redis;
  prefix: string;
  logger: Logger;
}): (args: { body: unknown; context: Context }) => false | Promise<boolean> {
  return ({ body, context }) => {
    const record = body as { type?: unknown; event_id?: unknown };
    const eventId = record.type === 'event_callback' ? record.event_id : undefined;
    if (typeof eventId !== 'string') return false;
    return handledAlready(options, eventId, context);
  };
}

async function handledAlready(
  options: { redis: Redis; prefix: string; logger: Logger },
  eventId: string,
  context: Context,
): Promise<boolean> {
  let first = true;
  try {
    const claimed = await options.redis.set(
      `${options.prefix}:slack-event:${eventId}`,
      String(context.retryNum ?? 0),
      'EX',
      HANDLED_EVENT_TTL_SECONDS,
      'NX',
    );
    first = claimed === 'OK';
  } catch (error) {
    // Without Redis nobody can tell; handling an event twice is the lesser harm than dropping it.
    options.logger.warn(
      { eventId, err: (error as Error).message },
      'could not check whether an event was handled already; handling it',
    );
  }
  if (!first) {
    metrics.slackEventDuplicates.inc();
    options.logger.info(
      { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
      'event handled already; redelivery acknowledged and skipped',
    );
  }
  return !first;
}
