/**
 * How long a job that speaks to members keeps trying when Slack (or the network to it) fails:
 * exponential backoff from `baseMs`, each wait capped at `capMs`, with as many attempts as it takes
 * to cover `windowMs`. A Slack outage of an hour or two then delays a message instead of losing it;
 * 429s never count (src/queue/defer-job.ts), and permanent errors stop at once.
 */
export interface DeliveryRetryPolicy {
  baseMs: number;
  capMs: number;
  windowMs: number;
}

/** BullMQ's backoff `type` for delivering jobs; the workers' backoffStrategy answers for it. */
export const DELIVERY_BACKOFF = 'delivery';

/** The wait before retry number `attemptsMade` (1 after the first failure). */
export function deliveryDelayMs(attemptsMade: number, policy: DeliveryRetryPolicy): number {
  const exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** The fewest attempts whose waits add up to the whole window (the first attempt waits for nothing). */
export function deliveryAttempts(policy: DeliveryRetryPolicy): number {
  let waited = 0;
  let attempts = 1;
  while (waited < policy.windowMs) {
    waited += deliveryDelayMs(attempts, policy);
    attempts += 1;
  }
  return attempts;
}
