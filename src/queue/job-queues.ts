import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type JobName, type JobPayload, jobCatalogue, jobNames } from './catalogue.ts';

/** The producer side of every queue: typed enqueue with validated payloads and stable ids. */
export class JobQueues {
  private readonly queues: Map<JobName, Queue>;

  constructor(connection: Redis, prefix: string) {
    this.queues = new Map(jobNames.map((name) => [name, new Queue(name, { connection, prefix })]));
  }

  /** Enqueues once per job id: a second call while the job exists is a no-op in BullMQ. */
  async enqueue<Name extends JobName>(
    name: Name,
    payload: JobPayload<Name>,
    options: { delayMs?: number } = {},
  ): Promise<string> {
    const definition = jobCatalogue[name];
    const data = definition.payload.parse(payload) as JobPayload<Name>;
    const jobId = (definition.jobId as (payload: JobPayload<Name>) => string)(data);
    await this.queue(name).add(name, data, { ...definition.options, jobId, delay: options.delayMs });
    return jobId;
  }

  /** Runs `name` every `everyMs` from now on; idempotent, so every worker may call it at start. */
  async repeat(name: JobName, everyMs: number): Promise<void> {
    const definition = jobCatalogue[name];
    await this.queue(name).upsertJobScheduler(
      name,
      { every: everyMs },
      { name, data: definition.payload.parse({}), opts: definition.options },
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
