import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { App, type CustomRoute, type HTTPReceiver, type ReceiverEvent } from '@slack/bolt';
import { metrics } from '../../observability/metrics.ts';
import { routeBase } from '../../observability/route-paths.ts';
import { awaitAck, followUps } from '../follow-ups.ts';
import { surfaceOf } from './surface.ts';

const RECEIVED_AT = Symbol('mockingbird.receivedAt');
type StampedRequest = IncomingMessage & { [RECEIVED_AT]?: number };
const ACCEPTED_AT = Symbol('mockingbird.acceptedAt');
type StampedSocket = Socket & { [ACCEPTED_AT]?: number };

/**
 * Stamps each connection with the moment the server accepted it. A request that opens a connection
 * is timed from there, not from when Node has parsed it and called the request listener: when the
 * event loop is busy, that gap is where a request waits, and Slack's 3 s run through it.
 */
export function stampConnections(server: Server): void {
  server.on('connection', (socket: StampedSocket) => {
    socket[ACCEPTED_AT] = performance.now();
  });
}

/** When the request began: its connection's acceptance for the first request on it, else now. */
function arrivalOf(req: IncomingMessage): number {
  const socket = req.socket as StampedSocket;
  const accepted = socket[ACCEPTED_AT];
  if (accepted === undefined) return performance.now();
  // Later requests on a kept-alive connection arrive after this one: they are timed from receipt.
  socket[ACCEPTED_AT] = undefined;
  return accepted;
}

/**
 * Stamps each HTTP request with the moment it arrived (see stampConnections), before Bolt reads
 * the body and checks the signature, and counts every answer by route and status. HTTPReceiver.start() calls its
 * `requestListener` property for each request, so wrapping that property sees all of them.
 */
export function stampReceipt(receiver: HTTPReceiver, endpoint: string, routes: CustomRoute[]): void {
  const bases = [endpoint, ...routes.map((route) => routeBase(route.path))];
  const listen = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    (req as StampedRequest)[RECEIVED_AT] = arrivalOf(req);
    res.once('finish', () => {
      const path = (req.url ?? '/').split('?', 1)[0]!;
      const route = bases.find((base) => path === base || path.startsWith(`${base}/`)) ?? 'other';
      metrics.httpRequests.inc({ route, status: String(res.statusCode) });
    });
    return listen(req, res);
  };
}

/**
 * HTTPReceiver's `customPropertiesExtractor`: passes the arrival stamp on with the request (Bolt
 * also copies it into `context`). Bolt hands the extractor the same request object it received.
 */
export function receiptProperties(req: IncomingMessage): { receivedAt?: number } {
  const receivedAt = (req as StampedRequest)[RECEIVED_AT];
  return receivedAt === undefined ? {} : { receivedAt };
}

/**
 * Bolt's App, timing every request from receipt to ack() by surface. Receivers hand each request
 * to `processEvent` together with its ack function; wrapping that function here sees every
 * acknowledgement, including the one Bolt sends for Events API requests before any middleware
 * runs, which a global middleware never could. Socket Mode requests, which have no HTTP arrival,
 * count from the moment they reach the app.
 */
export class MeasuredApp extends App {
  /** Requests whose listeners are still running (usually after their ack), for a graceful stop. */
  private readonly inFlight = new Set<Promise<void>>();

  /**
   * `holdLaneUntilAck`: count each request as awaiting its ack here, so the follow-up lane starts
   * nothing before it is sent. Over HTTP the request guard counts it already, from the moment its
   * signature is checked; a Socket Mode envelope has no other place to be counted, and without it
   * a burst of envelopes had their acks queued behind the follow-ups of the ones before.
   */
  constructor(
    options: ConstructorParameters<typeof App>[0],
    private readonly counting: { holdLaneUntilAck: boolean } = { holdLaneUntilAck: false },
  ) {
    super(options);
  }

  /**
   * Waits for the listeners still running, and the follow-ups they handed to the lane
   * (respond-safely.ts), to finish, at most `timeoutMs`; true when all did. A member acknowledged
   * a moment ago is still owed their answer and their saved change; closing the database under
   * that work left a member row without its request.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    // Listeners first: one may still hand a follow-up to the lane before it ends.
    const finished = Promise.allSettled([...this.inFlight])
      .then(() => followUps.settled())
      .then(() => true as const);
    const outcome = await Promise.race([finished, deadline]);
    clearTimeout(timer);
    return outcome;
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    const running = this.measured(event);
    const tracked = running.catch(() => {});
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return running;
  }

  private async measured(event: ReceiverEvent): Promise<void> {
    const stamp = event.customProperties?.receivedAt;
    const receivedAt = typeof stamp === 'number' ? stamp : performance.now();
    const surface = surfaceOf(event.body);
    metrics.slackRequests.inc({ surface });
    const ack = event.ack;
    // Let go at the ack, or when the listeners are done if none acked (Bolt then answers nothing).
    const acknowledged = this.counting.holdLaneUntilAck ? awaitAck() : undefined;
    try {
      return await super.processEvent({
        ...event,
        ack: async (response) => {
          try {
            await ack(response);
          } finally {
            acknowledged?.();
          }
          metrics.ackSeconds.observe({ surface }, (performance.now() - receivedAt) / 1000);
        },
      });
    } finally {
      acknowledged?.();
    }
  }
}
