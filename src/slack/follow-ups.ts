import type { ServerResponse } from 'node:http';
import { FollowUpLane } from './follow-up-lane.ts';

/** Verified requests to the events endpoint not yet answered (acknowledged). */
let awaitingAck = 0;
/** Connections and requests on their way in: accepted or begun, not yet verified (see awaitArrival). */
let arriving = 0;

/**
 * How long one arrival may hold the lane back. A request's head and body come a moment after its
 * connection, even in a burst of hundreds; one that takes longer is idle or trickled in on purpose,
 * and must not keep the answers of everyone else waiting for as long as its sender likes.
 */
export const ARRIVAL_LIMIT_MS = 200;

/** How many verified requests are waiting for their acks right now. */
export function acksAwaited(): number {
  return awaitingAck;
}

/** How many connections or requests are on their way in right now, counted against their limit. */
export function arrivalsAwaited(): number {
  return arriving;
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
  acksPending: () => awaitingAck > 0 || arriving > 0,
});

/**
 * Counts a connection or request on its way in (accepted, or its head read, its body not yet
 * verified) as holding the lane until the returned function is called, or for ARRIVAL_LIMIT_MS at
 * most. Counting only verified requests let the lane start follow-ups in the instants between one
 * request's ack and the next one's verification: after a restart, 200 members arriving at once
 * saw the last acks of the burst take 0.6–0.9 s, against 0.3 s with nothing following up.
 */
export function awaitArrival(): () => void {
  arriving += 1;
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    clearTimeout(limit);
    arriving -= 1;
    if (arriving === 0 && awaitingAck === 0) followUps.wake();
  };
  const limit = setTimeout(settle, ARRIVAL_LIMIT_MS);
  limit.unref();
  return settle;
}

/** Counts `res` as awaiting its acknowledgement until it is answered or its connection drops. */
export function awaitAcknowledgement(res: ServerResponse): void {
  const acknowledged = awaitAck();
  res.once('finish', acknowledged);
  res.once('close', acknowledged);
}

/**
 * Counts one request as awaiting its acknowledgement until the returned function is called (once
 * counts; later calls do nothing). HTTP requests are counted from the response (above); Socket Mode
 * envelopes, which have none, by the app as it hands them to the listeners (ack-timing.ts).
 */
export function awaitAck(): () => void {
  awaitingAck += 1;
  let answered = false;
  return () => {
    if (answered) return;
    answered = true;
    awaitingAck -= 1;
    if (awaitingAck === 0 && arriving === 0) followUps.wake();
  };
}
