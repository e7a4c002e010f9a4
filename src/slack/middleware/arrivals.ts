import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { awaitArrival } from '../follow-ups.ts';

const ARRIVAL = Symbol('mockingbird.arrival');
type CountedSocket = Socket & { [ARRIVAL]?: () => void };

/**
 * Counts each connection as on its way in (follow-ups.ts, awaitArrival) from the moment the server
 * accepts it until its first request is verified or refused (see requestArrival), or it closes.
 * In a burst the accepted connections wait for the event loop before their requests are even
 * read: until then only this count knows they are there.
 */
export function countArrivingConnections(server: Server): void {
  server.on('connection', (socket: CountedSocket) => {
    const settle = awaitArrival();
    socket[ARRIVAL] = settle;
    socket.once('close', settle);
  });
}

/**
 * Counts a request as on its way in from now until the returned function is called, once it is
 * verified (and counted as awaiting its ack) or refused. Its connection's arrival, for the first
 * request on it, ends here: the request's own count takes over (before, so the count never drops
 * to zero in between and lets a follow-up start).
 */
export function requestArrival(req: IncomingMessage): () => void {
  const arrived = awaitArrival();
  const socket = req.socket as CountedSocket;
  socket[ARRIVAL]?.();
  socket[ARRIVAL] = undefined;
  return arrived;
}
