import { parentPort, threadId } from 'node:worker_threads';
import { planSessions, toOpenRequests } from '../domain/matching/plan-sessions.ts';
import { matchPool } from '../domain/matching/solve-pool.ts';
import type { SolveReply, SolveRequest, SweepToPlan } from './solve-messages.ts';

/**
 * The body of a matching thread (matching-threads.ts starts it): it waits for pools, solves each
 * with the pure domain functions and posts the result back. A failure is posted as a message,
 * not thrown, so one bad pool does not cost the thread.
 */
parentPort?.on('message', (message: SolveRequest) => {
  let reply: SolveReply;
  try {
    if (message.kind === 'solve') {
      const { requests, context, config, now, options } = message;
      reply = { id: message.id, matching: matchPool(requests, context, config, now, options), threadId };
    } else {
      reply = { id: message.id, sweep: planSweep(message), threadId };
    }
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error), threadId };
  }
  parentPort?.postMessage(reply);
});

function planSweep({ requests: stored, context, config, plan }: SweepToPlan) {
  const requests = toOpenRequests(stored, new Date(plan.now), config.horizonDays);
  const matching = matchPool(requests, context, config, plan.now);
  return { requests, matching, sessions: planSessions(matching, requests, plan) };
}
