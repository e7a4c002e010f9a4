import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../observability/logger.ts';
import { type JobName, type JobPayload, jobDefinition, jobNames } from './catalogue.ts';
import { deferJob, RetryLaterError } from './defer-job.ts';
import { DELIVERY_BACKOFF, type DeliveryRetryPolicy, deliveryDelayMs } from './delivery-retry.ts';
import { DEFAULT_DELIVERY_RETRY } from './job-queues.ts';

export type Processor<Name extends JobName, Context> = (
  payload: JobPayload<Name>,
  context: Context,
  job: { id: string; attemptsMade: number },
) => Promise<void>;

export type ProcessorRegistry<Context> = { [Name in JobName]: Processor<Name, Context> };

export interface WorkerPool {
  workers: Worker[];
  /** Stops taking jobs and waits for those in flight, up to `timeoutMs`; then closes hard. */
  close(timeoutMs: number): Promise<void>;
}

const DEFAULT_LOCK_MS = 30_000;
// How often a short-locked queue's worker looks for jobs whose lock lapsed. Each look is one Lua
// script per queue and worker process: a handful of Redis calls a second in all.
const SHORT_LOCK_STALLED_CHECK_MS = 1_000;

/**
 * BullMQ's stalled-job settings for one queue. A crashed worker's job returns to the queue once its
 * lock has lapsed and the next stalled check runs. With the default lock, checks run once per lock
 * duration (taken over one to two lock durations after the crash); a short lock (the catalogue's
 * `lockMs`) is checked every second, so its job is taken over within the lock plus a second.
 * A short lock is also lost more easily to a busy event loop, with the job then run again (safe:
 * sends are keyed), so it may stall a few more times before BullMQ fails it.
 */
export function lockSettings(
  jobLockMs: number | undefined,
  workerLockMs: number,
): { lockDuration: number; stalledInterval: number; maxStalledCount: number } {
  if (jobLockMs === undefined || jobLockMs >= workerLockMs) {
    return { lockDuration: workerLockMs, stalledInterval: workerLockMs, maxStalledCount: 2 };
  }
  return {
    lockDuration: jobLockMs,
    stalledInterval: Math.min(SHORT_LOCK_STALLED_CHECK_MS, jobLockMs),
    maxStalledCount: 3,
  };
}

/**
 * One BullMQ worker per queue. Refuses to start when the registry and the catalogue disagree,
 * so a job can never sit in Redis with nobody to run it.
 */
export function startWorkers<Context>(options: {
  registry: ProcessorRegistry<Context>;
  context: Context;
  connection: Redis;
  prefix: string;
  logger: Logger;
  /** Jobs each queue's worker runs at once, unless its catalogue entry says (default 10). */
  concurrency?: number;
  /** How long a job stays locked to its worker without renewal (default 30 s, BullMQ's own). */
  lockMs?: number;
  /** The queues to take (all by default): a matcher process takes only match-pool, say. */
  queues?: readonly JobName[];
  /** The backoff of jobs that deliver to members; the producers' JobQueues must use the same. */
  deliveryRetry?: DeliveryRetryPolicy;
  /** A job failed its last attempt (not a permanent error): it is given up on, for now. */
  onGiveUp?: (name: JobName, job: { id: string; data: unknown; failedReason: string }) => void;
}): WorkerPool {
  const deliveryRetry = options.deliveryRetry ?? DEFAULT_DELIVERY_RETRY;
  const registered = Object.keys(options.registry).sort();
  const expected = [...jobNames].sort();
  if (registered.join() !== expected.join()) {
    throw new Error(
      `Job processors (${registered.join(', ')}) do not match the catalogue (${expected.join(', ')})`,
    );
  }
  const taken = options.queues ?? jobNames;
  const workers = jobNames
    .filter((name) => taken.includes(name))
    .map((name) => {
      const process = options.registry[name] as Processor<JobName, Context>;
      const definition = jobDefinition(name);
      const locks = lockSettings(definition.lockMs, options.lockMs ?? DEFAULT_LOCK_MS);
      const worker = new Worker(
        name,
        async (job, token) => {
          const payload = definition.payload.safeParse(job.data);
          if (!payload.success) {
            // A payload that fails its schema will fail on every retry too.
            throw new UnrecoverableError(
              `invalid payload for ${name}: ${payload.error.issues.length} issue(s)`,
            );
          }
          try {
            await process(payload.data, options.context, {
              id: job.id ?? '',
              attemptsMade: job.attemptsMade,
            });
          } catch (error) {
            // Slack asked for a long pause (429): the job waits in the delayed set instead of
            // holding a worker slot, and the wait does not use up one of its attempts.
            if (error instanceof RetryLaterError) await deferJob(job, token, error);
            throw error;
          }
        },
        {
          connection: options.connection,
          prefix: options.prefix,
          concurrency: definition.concurrency ?? options.concurrency ?? 10,
          ...locks,
          settings: {
            // Only for the 'delivery' backoff type; BullMQ's own types are resolved before this.
            backoffStrategy: (attemptsMade, type) =>
              type === DELIVERY_BACKOFF ? deliveryDelayMs(attemptsMade, deliveryRetry) : 0,
          },
        },
      );
      worker.on('failed', (job, error) => {
        const exhausted = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
        const permanent = error instanceof UnrecoverableError;
        // One line per job that stops, not per attempt: an outage of hours would otherwise write
        // thousands of lines; the attempts in between are at debug.
        const level = exhausted || permanent ? 'warn' : 'debug';
        options.logger[level](
          { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: error.message },
          exhausted
            ? 'job given up after its last attempt'
            : permanent
              ? 'job failed for good'
              : 'job attempt failed',
        );
        if (exhausted && !permanent && job) {
          options.onGiveUp?.(name, { id: job.id ?? '', data: job.data, failedReason: error.message });
        }
      });
      worker.on('error', (error) => {
        options.logger.error({ queue: name, err: error.message }, 'worker error');
      });
      return worker;
    });

  return {
    workers,
    async close(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((worker) => worker.close())).then(() => 'closed' as const);
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([graceful, deadline]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        // Jobs still running are left to stalled-job recovery: retried, not lost. A forced
        // close can itself wait on a Redis that is gone, so it is started, not awaited.
        options.logger.warn({ timeoutMs }, 'workers did not finish in time; closing without waiting');
        for (const worker of workers) worker.close(true).catch(() => {});
      }
    },
  };
}
