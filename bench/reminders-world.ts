import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import type { JobName } from '../src/queue/catalogue.ts';
import { JobQueues } from '../src/queue/job-queues.ts';
import { createDatabase, type Database } from '../src/store/prisma.ts';
import { type AppProcess, startAppProcess } from '../test/harness/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../test/harness/database.ts';
import { FakeSlack } from '../test/harness/fake-slack.ts';
import { buildForProduction, PRODUCTION_ENV, productionNodeArgs } from './app-processes.ts';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BOT_TOKEN = 'xoxb-bench-bot-token';
const TEAM_ID = 'T0BENCH';

/** One worker child, `node dist/src/main.js --role=worker` as production runs it. */
export interface WorkerProcess {
  pid: number;
  app: AppProcess;
}

/**
 * Everything the benchmark runs against: the fake Slack in this process, a database cloned from
 * the migrated template, a queue prefix of its own on the shared Redis, and the worker processes.
 * `close()` takes all of it down again, and is safe to call after any failure (or twice).
 */
export class BenchWorld {
  private readonly children = new Set<WorkerProcess>();
  /** Every worker started, dead ones included, for a failed run's report. */
  private readonly started: WorkerProcess[] = [];
  private closed = false;

  private constructor(
    readonly queuePrefix: string,
    readonly fake: FakeSlack,
    private readonly database: TestDatabase,
    readonly db: Database,
    readonly redis: Redis,
    readonly queues: JobQueues,
  ) {
    // A bench stopped by an exception or Ctrl-C must not leave workers running on their own.
    process.on('exit', () => {
      for (const worker of this.children) worker.app.child.kill('SIGKILL');
    });
  }

  static async create(): Promise<BenchWorld> {
    // Workers run what production runs (see startWorker).
    buildForProduction();
    const [fake, database] = await Promise.allSettled([
      FakeSlack.start({ teamId: TEAM_ID, botToken: BOT_TOKEN }),
      createTestDatabase(),
    ]);
    if (fake.status === 'rejected' || database.status === 'rejected') {
      if (fake.status === 'fulfilled') await fake.value.close();
      if (database.status === 'fulfilled') await database.value.drop();
      throw fake.status === 'rejected' ? fake.reason : (database as PromiseRejectedResult).reason;
    }
    return BenchWorld.around(fake.value, database.value);
  }

  private static around(fake: FakeSlack, database: TestDatabase): BenchWorld {
    const db = createDatabase(database.url, { poolSize: 8 });
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const queuePrefix = `mbbench-${randomUUID().slice(0, 8)}`;
    return new BenchWorld(queuePrefix, fake, database, db, redis, new JobQueues(redis, queuePrefix));
  }

  get teamId(): string {
    return TEAM_ID;
  }

  /**
   * Starts a worker process (`env` adds settings, WORKER_QUEUES say); `workersReady()` says when
   * BullMQ sees it. It runs as production does: the compiled JavaScript `create()` built, started
   * with package.json's `start:prod` and the Dockerfile's environment. Under tsx the workers spent
   * more CPU per reminder and a replacement took longer to take jobs: the figures were not
   * production's.
   */
  startWorker(env: Record<string, string> = {}): WorkerProcess {
    const app = startAppProcess(
      {
        ...PRODUCTION_ENV,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: this.fake.apiUrl,
        DATABASE_URL: this.database.url,
        REDIS_URL,
        QUEUE_PREFIX: this.queuePrefix,
        PORT: '0',
        LOG_LEVEL: 'warn',
        // Nothing to match here: the sweep would only add noise to the measurement.
        MATCH_SWEEP_INTERVAL_SECONDS: String(7 * 24 * 3600),
        // The seeded sessions have no follow-ups but the one reminder each run queues: the
        // reconciler would rightly queue the rest, tens of thousands of jobs in the middle of a run.
        RECONCILE_INTERVAL_SECONDS: '0',
        SHUTDOWN_TIMEOUT_MS: '5000',
        ...env,
      },
      ['--role=worker'],
      { nodeArgs: productionNodeArgs() },
    );
    const worker = { pid: app.child.pid ?? -1, app };
    this.children.add(worker);
    this.started.push(worker);
    void app.exited().then(() => this.children.delete(worker));
    return worker;
  }

  /** Resolves once `count` worker processes listen on the reminder queue (each registers one client there). */
  async workersReady(
    count: number,
    timeoutMs = 60_000,
    queueName: JobName = 'session-reminder',
  ): Promise<void> {
    const started = Date.now();
    const queue = this.queues.queue(queueName);
    for (;;) {
      for (const worker of this.children) {
        if (worker.app.child.exitCode !== null) {
          throw new Error(
            `worker ${worker.pid} exited (${worker.app.child.exitCode}):\n${worker.app.stderr()}`,
          );
        }
      }
      if ((await queue.getWorkersCount()) >= count) return;
      if (Date.now() - started > timeoutMs)
        throw new Error(`fewer than ${count} workers after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL: no shutdown hook runs, jobs in flight stay "active" until BullMQ finds them stalled. */
  async kill(worker: WorkerProcess): Promise<void> {
    worker.app.child.kill('SIGKILL');
    await worker.app.exited();
  }

  /**
   * CPU time the running worker processes have used so far, in ms (Linux /proc; NaN elsewhere).
   * /proc/<pid>/stat counts user and system time in clock ticks, 100 a second on Linux.
   */
  workersCpuMs(): number {
    let total = 0;
    for (const worker of this.children) {
      try {
        const stat = readFileSync(`/proc/${worker.pid}/stat`, 'utf8');
        // The command name (field 2) may hold spaces; count fields from the closing parenthesis.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return Number.NaN;
      }
    }
    return total;
  }

  /** What the worker processes logged at warn and above, for a failed run's report. */
  workerLogs(): string {
    return this.started.map((worker) => worker.app.stdout() + worker.app.stderr()).join('');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopping = [...this.children].map(async (worker) => {
      worker.app.child.kill('SIGTERM');
      const timer = setTimeout(() => worker.app.child.kill('SIGKILL'), 6_000);
      await worker.app.exited();
      clearTimeout(timer);
    });
    await Promise.allSettled(stopping);
    await Promise.allSettled([
      ...this.queues.all().map((queue) => queue.obliterate({ force: true })),
      this.db.$disconnect(),
      this.fake.close(),
    ]);
    await this.queues.close().catch(() => {});
    // The pacer's and send claims' keys live under the prefix too, outside any queue.
    await deleteKeys(this.redis, `${this.queuePrefix}:*`).catch(() => {});
    this.redis.disconnect();
    await this.database.drop();
  }
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}
