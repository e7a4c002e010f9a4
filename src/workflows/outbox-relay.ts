import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Logger } from '../observability/logger.ts';
import { metrics } from '../observability/metrics.ts';
import type { JobName } from '../queue/catalogue.ts';
import type { JobQueues } from '../queue/job-queues.ts';
import {
  OUTBOX_CHANNEL,
  type PendingOutboxRow,
  recordRelayFailure,
  relayPendingOutbox,
} from '../store/outbox.ts';
import type { Database } from '../store/prisma.ts';

export interface OutboxRelayOptions {
  db: Database;
  /** For the LISTEN connection, which must be a connection of its own (not the pool's). */
  databaseUrl: string;
  queues: JobQueues;
  logger: Logger;
  now: () => Date;
  /** Rows per transaction. */
  batchSize?: number;
  /** The fallback poll, for a missed notification or a LISTEN connection that is down. */
  pollMs?: number;
}

const RETRY_AFTER_FAILURE_MS = [250, 1_000, 2_000, 5_000];
const LISTEN_RECONNECT_MS = 2_000;

/**
 * Turns outbox rows into BullMQ jobs, in the worker role. It wakes on PostgreSQL's NOTIFY (sent at
 * the commit of every change with follow-ups) or every `pollMs`, relays pending rows in batches
 * (one transaction each: jobs added, rows stamped), and keeps going through Redis and PostgreSQL
 * outages: a failed batch stays pending and is tried again with a short backoff. Several relays
 * (several workers) share the rows without blocking each other (SKIP LOCKED); a repeat of a row is
 * harmless, since BullMQ ignores a job id it already holds.
 */
export class OutboxRelay {
  private readonly options: Required<OutboxRelayOptions>;
  private stopped = true;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private listener: pg.Client | undefined;
  private failures = 0;

  constructor(options: OutboxRelayOptions) {
    this.options = { batchSize: 500, pollMs: 1_000, ...options };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.listen();
    this.loop = this.run();
  }

  /** Stops after the batch in flight (if any); pending rows wait for the next relay. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => {});
  }

  /** Relays until nothing is pending; for tests and benchmarks that want the outbox empty now. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < this.options.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let relayed: number;
      try {
        relayed = await this.relayBatch();
        if (this.failures > 0)
          this.options.logger.info({ failedBatches: this.failures }, 'outbox relay is back');
        this.failures = 0;
      } catch (error) {
        this.noteFailure(error);
        await this.idle(
          RETRY_AFTER_FAILURE_MS[Math.min(this.failures - 1, RETRY_AFTER_FAILURE_MS.length - 1)]!,
        );
        continue;
      }
      if (relayed < this.options.batchSize) await this.idle(this.options.pollMs);
    }
  }

  private async relayBatch(): Promise<number> {
    const { db, queues, now, batchSize } = this.options;
    const relayed = await relayPendingOutbox(db, batchSize, async (rows) => {
      await queues.relay(rows.map(toRelayRow), now().getTime());
    });
    metrics.outboxRelayed.inc(relayed);
    return relayed;
  }

  private noteFailure(error: unknown): void {
    this.failures += 1;
    metrics.outboxRelayFailures.inc();
    const message = error instanceof Error ? error.message : String(error);
    // One line when the relay starts failing, not one per retry; "back" is logged when it recovers.
    if (this.failures === 1) {
      this.options.logger.warn({ err: message }, 'outbox relay cannot reach Redis or PostgreSQL; rows wait');
    }
    void recordRelayFailure(this.options.db, this.options.batchSize, message).catch(() => {});
  }

  /** Waits `ms`, or less when a notification (or stop) comes first. */
  private async idle(ms: number): Promise<void> {
    const controller = new AbortController();
    this.wake = () => controller.abort();
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => {});
    this.wake = undefined;
  }

  private async listen(): Promise<void> {
    while (!this.stopped) {
      const client = new pg.Client({ connectionString: this.options.databaseUrl });
      const closed = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.on('end', () => resolve());
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        client.on('notification', () => this.wake?.());
        this.listener = client;
        if (!this.stopped) await closed;
      } catch {
        // PostgreSQL is away: the poll carries on meanwhile.
      }
      this.listener = undefined;
      await client.end().catch(() => {});
      if (!this.stopped) await sleep(LISTEN_RECONNECT_MS);
    }
  }
}

function toRelayRow(row: PendingOutboxRow) {
  return {
    action: row.action,
    jobName: row.jobName as JobName,
    jobId: row.jobId,
    payload: row.payload,
    runAt: row.runAt,
  };
}
