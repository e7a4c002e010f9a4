import { DelayedError, type Job } from 'bullmq';

/**
 * The work must wait `delayMs` before it can go on, longer than is worth holding a worker for
 * (a long Retry-After, a busy channel). A BullMQ processor hands it to `deferJob`; anywhere else
 * it is an ordinary failure, which BullMQ's backoff retries.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly delayMs: number,
    message = `retry in ${delayMs} ms`,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/**
 * Puts the running job back to delayed until `error.delayMs` has passed, then throws the
 * DelayedError that tells the worker the job was moved (not completed, not failed). BullMQ's
 * `moveToDelayed` skips the attempt count, so waiting out a rate limit never uses up an attempt.
 * `token` is the processor's second argument: `async (job, token) => …`; the job's lock is
 * checked against it. (BullMQ docs: "Delaying" a job from inside its processor.)
 */
export async function deferJob(
  job: Pick<Job, 'moveToDelayed'>,
  token: string | undefined,
  error: RetryLaterError,
): Promise<never> {
  await job.moveToDelayed(Date.now() + error.delayMs, token);
  throw new DelayedError(error.message);
}
