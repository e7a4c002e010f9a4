import { parentPort, threadId } from 'node:worker_threads';
import { matchPool } from '../domain/matching/solve-pool.ts';
import type { SolveReply, SolveRequest } from './solve-messages.ts';

/**
 * The body of a matching thread (matching-threads.ts starts it): it waits for pools, solves each
 * with the pure domain function and posts the result back. A failure is posted as a message, not
 * thrown, so one bad pool does not cost the thread.
 */
parentPort?.on('message', (message: SolveRequest) => {
  let reply: SolveReply;
  try {
    const { requests, context, config, now, options } = message;
    reply = { id: message.id, matching: matchPool(requests, context, config, now, options), threadId };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error), threadId };
  }
  parentPort?.postMessage(reply);
});
