import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PoolMatching } from '../domain/matching/solve-pool.ts';
import type { PlannedSweep, PoolToSolve, SolveReply, SolveRequest, SweepToPlan } from './solve-messages.ts';

/**
 * A small pool of worker threads that run the matching solve. A 100,000-request pool takes
 * seconds of pure CPU; on the worker's event loop that would stall every reminder and outlast
 * BullMQ's job locks. Here the loop only copies the pool in and the pairs out.
 *
 * Threads start on first use and are reused; an idle thread does not keep the process alive.
 * Each thread solves one pool at a time, so `size` pools (of different workspaces: one
 * workspace's runs queue on its matching lock) are solved in parallel, and more wait here.
 */
export interface OffThreadMatching {
  matching: PoolMatching;
  /** The thread that solved it: never the main thread's 0. */
  threadId: number;
}

export interface OffThreadSweep extends PlannedSweep {
  threadId: number;
}

interface Task {
  request: SolveRequest;
  resolve: (reply: SolveReply) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  task: Task | undefined;
}

export class MatchingThreads {
  private readonly threads: Thread[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number) {}

  /** Solves a pool of expanded requests (matchPool on a thread). */
  async solve(pool: PoolToSolve): Promise<OffThreadMatching> {
    const reply = await this.run({ ...pool, kind: 'solve', id: this.nextId++ });
    if (!('matching' in reply)) throw new Error('matching thread answered a solve with something else');
    return { matching: reply.matching, threadId: reply.threadId };
  }

  /** Expands a sweep's stored requests, solves the pool and plans its sessions, on a thread. */
  async planSweep(sweep: SweepToPlan): Promise<OffThreadSweep> {
    const reply = await this.run({ ...sweep, kind: 'plan', id: this.nextId++ });
    if (!('sweep' in reply)) throw new Error('matching thread answered a sweep with something else');
    return { ...reply.sweep, threadId: reply.threadId };
  }

  private run(request: SolveRequest): Promise<SolveReply> {
    if (this.closed) return Promise.reject(new Error('matching threads are closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every thread; solves still running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('matching threads are closed'));
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let thread = this.threads.find((candidate) => candidate.task === undefined);
      if (!thread && this.threads.length < this.size) thread = this.startThread();
      if (!thread) return;
      const task = this.waiting.shift()!;
      thread.task = task;
      thread.worker.ref();
      thread.worker.postMessage(task.request);
    }
  }

  private startThread(): Thread {
    const worker = startWorker();
    const thread: Thread = { worker, task: undefined };
    worker.on('message', (reply: SolveReply) => {
      const task = thread.task;
      thread.task = undefined;
      worker.unref();
      if (task) {
        if ('error' in reply) task.reject(new Error(reply.error));
        else task.resolve(reply);
      }
      this.dispatch();
    });
    // A thread that dies (out of memory, a crash in the loader) fails its pool and is replaced
    // on the next solve; the job's retry runs the pool again.
    const fail = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index >= 0) this.threads.splice(index, 1);
      thread.task?.reject(error);
      thread.task = undefined;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`matching thread exited with code ${code}`)));
    this.threads.push(thread);
    return thread;
  }
}

/**
 * The thread's file sits beside this one with this module's own extension: `.ts` when run from
 * source through tsx, `.js` once compiled to dist/. Either way the path is this file's sibling.
 */
const THREAD_FILE = new URL(`./match-pool-thread${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * A `.ts` thread needs tsx's loader inside the thread, and on Node 20 a loader passed in a
 * thread's execArgv does not reach the thread's entry module. So a `.ts` thread starts from a
 * two-line bootstrap that registers tsx (this project's own copy) and then imports the file.
 * Compiled `.js` starts directly.
 */
function startWorker(): Worker {
  if (!THREAD_FILE.pathname.endsWith('.ts')) return new Worker(THREAD_FILE);
  const tsxApi = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(THREAD_FILE.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** Matching threads for this process: two, so two workspaces' pools solve side by side. */
export const MATCHING_THREAD_COUNT = 2;

let shared: MatchingThreads | undefined;

export function sharedMatchingThreads(): MatchingThreads {
  shared ??= new MatchingThreads(MATCHING_THREAD_COUNT);
  return shared;
}
