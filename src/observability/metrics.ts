import type { CustomRoute } from '@slack/bolt';
import type { Queue } from 'bullmq';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, served at /metrics by every role. One registry per process:
 * anything may count into it (`metrics.matchesMade.inc(...)`) without being handed a reference.
 * Names follow Prometheus' conventions (`_total` counters, base units); labels stay few and
 * bounded, and never carry a Slack id or anything a member wrote.
 */

/** Which kind of Slack request: the label of the request and acknowledgement metrics. */
export const SURFACES = ['command', 'action', 'view', 'options', 'event', 'shortcut', 'other'] as const;
export type Surface = (typeof SURFACES)[number];

const registry = new Registry();

export const metrics = {
  slackRequests: new Counter({
    name: 'mockingbird_slack_requests_total',
    help: 'Slack requests that passed signature verification, by surface.',
    labelNames: ['surface'] as const,
    registers: [registry],
  }),
  /** Receipt to ack(). A request counted above but missing here was never acknowledged. */
  ackSeconds: new Histogram({
    name: 'mockingbird_slack_ack_seconds',
    help: 'Time from receiving a Slack request to acknowledging it, by surface. Slack gives up after 3 s.',
    labelNames: ['surface'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3],
    registers: [registry],
  }),
  /**
   * Round trips to PostgreSQL, by the Slack surface whose handling made them ('none': jobs and
   * anything outside a request), counted as each statement leaves for PostgreSQL (store/prisma.ts).
   */
  databaseRoundTrips: new Counter({
    name: 'mockingbird_database_round_trips_total',
    help: 'Statements sent to PostgreSQL, by the Slack surface being handled (none: jobs and start-up).',
    labelNames: ['surface'] as const,
    registers: [registry],
  }),
  httpRequests: new Counter({
    name: 'mockingbird_http_requests_total',
    help: 'HTTP requests answered by the web server, by route and status (401: a bad Slack signature).',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  }),
  slackEventDuplicates: new Counter({
    name: 'mockingbird_slack_event_duplicates_total',
    help: 'Events API deliveries acknowledged but not processed, because the same event_id was handled already.',
    registers: [registry],
  }),
  slackApiCalls: new Counter({
    name: 'mockingbird_slack_api_calls_total',
    help: 'HTTP requests to Slack (every attempt, retries included), by Web API method (or response_url, upload) and HTTP status; 429 is a rate limit, "error" no answer.',
    labelNames: ['method', 'status'] as const,
    registers: [registry],
  }),
  slackRateLimited: new Counter({
    name: 'mockingbird_slack_rate_limited_total',
    help: 'Rate-limited calls from background jobs, by method and what the gateway did: waited in place or deferred the job.',
    labelNames: ['method', 'handling'] as const,
    registers: [registry],
  }),
  interruptedSends: new Counter({
    name: 'mockingbird_slack_interrupted_sends_total',
    help: 'Keyed sends retried after an attempt whose outcome was never recorded, by what the conversation showed: found (recorded, not posted again), absent or unreadable (posted again).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  matchesMade: new Counter({
    name: 'mockingbird_matches_total',
    help: 'Pairs made by matching runs, by what started the run (new-request or sweep).',
    labelNames: ['trigger'] as const,
    registers: [registry],
  }),
  sessions: new Counter({
    name: 'mockingbird_sessions_total',
    help: 'Session lifecycle events: created, confirmed, cancelled, released, completed.',
    labelNames: ['event'] as const,
    registers: [registry],
  }),
  feedbackStored: new Counter({
    name: 'mockingbird_feedback_total',
    help: 'Feedback forms stored after a session.',
    registers: [registry],
  }),
  outboxRelayed: new Counter({
    name: 'mockingbird_outbox_relayed_total',
    help: 'Outbox rows turned into BullMQ jobs (or removals) by the relay.',
    registers: [registry],
  }),
  outboxRelayFailures: new Counter({
    name: 'mockingbird_outbox_relay_failures_total',
    help: 'Relay batches that failed (Redis or PostgreSQL away); their rows stay pending and are tried again.',
    registers: [registry],
  }),
  outboxPending: new Gauge({
    name: 'mockingbird_outbox_pending',
    help: 'Outbox rows not yet relayed, as the last reconciler run counted them.',
    registers: [registry],
  }),
  outboxOldestPendingSeconds: new Gauge({
    name: 'mockingbird_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not yet relayed, as the last reconciler run saw it; seconds in health.',
    registers: [registry],
  }),
  reconcilerRepairs: new Counter({
    name: 'mockingbird_reconciler_repairs_total',
    help: 'Follow-ups the reconciler found missing from Redis and queued again, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  weeklyEntries: new Counter({
    name: 'mockingbird_weekly_entries_total',
    help: 'Members entered into a week of matching by their standing "pair me every week" request.',
    registers: [registry],
  }),
  redisUp: new Gauge({
    name: 'mockingbird_redis_up',
    help: 'Whether this process can reach Redis (1) or not (0), as its connections last reported.',
    registers: [registry],
  }),
  redisOutages: new Counter({
    name: 'mockingbird_redis_outages_total',
    help: 'Times this process lost Redis (one per outage, however many connections and errors it saw).',
    registers: [registry],
  }),
  jobsGivenUp: new Counter({
    name: 'mockingbird_jobs_given_up_total',
    help: 'Jobs that failed their last attempt (after hours, for deliveries), by queue; the reconciler retries them later.',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
};

// Series that exist from the start, so rate() and alerts see a 0 rather than nothing.
for (const surface of SURFACES) {
  metrics.slackRequests.inc({ surface }, 0);
  metrics.ackSeconds.zero({ surface });
}
for (const kind of ['intro', 'follow-up', 'request-expiry', 'given-up-retry'])
  metrics.reconcilerRepairs.inc({ kind }, 0);
for (const trigger of ['new-request', 'sweep']) metrics.matchesMade.inc({ trigger }, 0);
for (const event of [
  'created',
  'confirmed',
  'cancelled',
  'released',
  'completed',
  'no-show',
  'partner-left',
]) {
  metrics.sessions.inc({ event }, 0);
}

/** Each watched set of queues is asked for its job counts at scrape time, never in between. */
const watchedQueues = new Set<() => Queue[]>();

// A scrape must answer even when Redis does not; the queue series are then left out.
const QUEUE_COUNT_TIMEOUT_MS = 2_000;

new Gauge({
  name: 'mockingbird_jobs',
  help: 'BullMQ jobs by queue and state, read at scrape time (every process reports the same Redis: aggregate with max).',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    const queues = [...watchedQueues].flatMap((list) => list());
    const counted = await Promise.all(queues.map((queue) => countJobs(queue)));
    this.reset();
    queues.forEach((queue, index) => {
      for (const [state, count] of Object.entries(counted[index] ?? {})) {
        this.set({ queue: queue.name, state }, count);
      }
    });
  },
});

async function countJobs(queue: Queue): Promise<Record<string, number> | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      queue.getJobCounts(),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), QUEUE_COUNT_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Reports these queues' job counts on /metrics until the returned function is called. */
export function watchQueues(queues: () => Queue[]): () => void {
  watchedQueues.add(queues);
  return () => watchedQueues.delete(queues);
}

let defaultMetricsStarted = false;

/** GET /metrics in Prometheus' text format, with Node's own process metrics (memory, CPU, event loop). */
export function metricsRoute(): CustomRoute {
  if (!defaultMetricsStarted) {
    defaultMetricsStarted = true;
    collectDefaultMetrics({ register: registry });
  }
  return {
    path: '/metrics',
    method: ['GET'],
    handler: (_req, res) => {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
          res.end(text);
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`metrics unavailable: ${error.message}\n`);
        },
      );
    },
  };
}
