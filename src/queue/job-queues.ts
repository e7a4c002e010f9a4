import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type JobName, type JobPayload, jobDefinition, jobIdFor, jobNames } from './catalogue.ts';
import { DELIVERY_BACKOFF, type DeliveryRetryPolicy, deliveryAttempts } from './delivery-retry.ts';
import type { OutboxRow } from './job-request.ts';

/** Two hours of retries for a member-facing message (README, "Reliability"). */
export const DEFAULT_DELIVERY_RETRY: DeliveryRetryPolicy = {
  baseMs: 2_000,
  capMs: 10 * 60_000,
  windowMs: 2 * 3600_000,
};

/**
 * The producer side of every queue: typed adds with validated payloads and stable ids. Changes
 * do not call it directly: they write their follow-ups to the outbox (src/workflows/outbox.ts),
 * and the relay adds them here.
 */
export class JobQueues {
  private readonly queues: Map<JobName, Queue>;
  private readonly deliveryOptions: JobsOptions;

  constructor(
    connection: Redis,
    prefix: string,
    deliveryRetry: DeliveryRetryPolicy = DEFAULT_DELIVERY_RETRY,
    /** Hears each queue's connection errors; without a listener BullMQ prints every one to stderr. */
    onError: (error: Error) => void = () => {},
  ) {
    this.queues = new Map(
      jobNames.map((name) => {
        const queue = new Queue(name, { connection, prefix });
        queue.on('error', onError);
        return [name, queue];
      }),
    );
    this.deliveryOptions = {
      attempts: deliveryAttempts(deliveryRetry),
      backoff: { type: DELIVERY_BACKOFF },
    };
  }

  /** The options a job of `name` is added with: its catalogue entry's, with the delivery policy where it delivers. */
  optionsFor(name: JobName): JobsOptions {
    const definition = jobDefinition(name);
    return definition.delivers ? { ...definition.options, ...this.deliveryOptions } : definition.options;
  }

  /** Adds once per job id: a second call while the job exists is a no-op in BullMQ. */
  async enqueue<Name extends JobName>(
    name: Name,
    payload: JobPayload<Name>,
    options: { delayMs?: number } = {},
  ): Promise<string> {
    const data = jobDefinition(name).payload.parse(payload);
    const jobId = jobIdFor(name, data);
    await this.queue(name).add(name, data, { ...this.optionsFor(name), jobId, delay: options.delayMs });
    return jobId;
  }

  /**
   * Carries outbox rows over: adds (one round trip per queue) and removals. Delays count from
   * `now`, so a row relayed late still runs at its time, and one whose time has passed runs at once.
   */
  async relay(rows: readonly OutboxRow[], now: number): Promise<void> {
    const adds = new Map<JobName, OutboxRow[]>();
    for (const row of rows) {
      if (row.action === 'enqueue') adds.set(row.jobName, [...(adds.get(row.jobName) ?? []), row]);
    }
    await Promise.all(
      [...adds].map(([name, batch]) =>
        this.queue(name).addBulk(
          batch.map((row) => ({
            name,
            data: row.payload,
            opts: {
              ...this.optionsFor(name),
              jobId: row.jobId,
              delay: row.runAt ? Math.max(0, row.runAt.getTime() - now) : undefined,
            },
          })),
        ),
      ),
    );
    // Best effort: a job already running cannot be removed (BullMQ refuses a locked job), and a
    // stale one that slips through finds its session moved on (its version) and does nothing.
    for (const row of rows) {
      if (row.action !== 'remove') continue;
      try {
        await this.queue(row.jobName).remove(row.jobId);
      } catch (error) {
        if (!/locked/i.test((error as Error).message)) throw error;
      }
    }
  }

  /** Runs `name` every `everyMs` from now on; idempotent, so every worker may call it at start. */
  async repeat(name: JobName, everyMs: number): Promise<void> {
    await this.queue(name).upsertJobScheduler(
      name,
      { every: everyMs },
      { name, data: jobDefinition(name).payload.parse({}), opts: this.optionsFor(name) },
    );
  }

  queue(name: JobName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`No queue named ${name}`);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((queue) => queue.close()));
  }
}
