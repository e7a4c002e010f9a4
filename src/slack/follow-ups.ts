import type { ServerResponse } from 'node:http';
import { FollowUpLane } from './follow-up-lane.ts';

/** Verified requests to the events endpoint not yet answered (acknowledged). */
let awaitingAck = 0;

/** How many requests are waiting for their acks right now (what holds the lane back). */
export function acksAwaited(): number {
  return awaitingAck;
}

/**
 * The process's follow-up lane (see follow-up-lane.ts): one per process, since what it shares out
 * is the process's event loop. Four slots, a slot given back after 250 ms, and nothing held back
 * more than a second, which leaves two of a trigger_id's three seconds to open a modal.
 */
export const followUps = new FollowUpLane({
  slots: 4,
  holdMs: 250,
  maxWaitMs: 1_000,
  acksPending: () => awaitingAck > 0,
});

/** Counts `res` as awaiting its acknowledgement until it is answered or its connection drops. */
export function awaitAcknowledgement(res: ServerResponse): void {
  awaitingAck += 1;
  let answered = false;
  const settle = () => {
    if (answered) return;
    answered = true;
    awaitingAck -= 1;
    if (awaitingAck === 0) followUps.wake();
  };
  res.once('finish', settle);
  res.once('close', settle);
}
