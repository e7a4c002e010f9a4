import type { JobQueues } from '../../src/queue/job-queues.ts';
import { type AppProcess, startAppProcess } from './app-process.ts';

/**
 * A worker-only app (`--role=worker`) in a child process, as `npm run start:worker` runs it, so a
 * test can SIGKILL it or take Redis away from it. Resolves once BullMQ lists it on the reminder
 * queue, i.e. once it is actually taking jobs there.
 */
export async function startWorkerProcess(
  env: Record<string, string>,
  queues: JobQueues,
): Promise<AppProcess> {
  // Logs at info whatever the world says: the start-up line is how we find the worker's port, and
  // the output is kept in memory for failure messages, not printed.
  const worker = startAppProcess({ ...env, LOG_LEVEL: 'info' }, ['--role=worker']);
  // A test runner that dies without its afterAll must not leave the worker running on its own.
  const killOnExit = () => worker.child.kill('SIGKILL');
  process.on('exit', killOnExit);
  void worker.exited().then(() => process.off('exit', killOnExit));
  try {
    const queue = queues.queue('session-reminder');
    const before = await queue.getWorkersCount();
    await worker.waitForLog(/Mockingbird is running/, 30_000);
    const started = Date.now();
    while ((await queue.getWorkersCount()) <= before) {
      if (worker.child.exitCode !== null) {
        throw new Error(`worker exited (${worker.child.exitCode}) while starting:\n${worker.stderr()}`);
      }
      if (Date.now() - started > 15_000) throw new Error(`worker never listened:\n${worker.stdout()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return worker;
  } catch (error) {
    // The caller never gets hold of a worker that failed to start, so it cannot stop it either.
    worker.child.kill('SIGKILL');
    throw error;
  }
}

/** The worker's /health URL, read from its start-up line (it listens on PORT=0, a free port). */
export function healthUrl(worker: AppProcess): string {
  const line = worker
    .stdout()
    .split('\n')
    .find((each) => each.includes('Mockingbird is running'));
  const port = line && /"port":(\d+)/.exec(line)?.[1];
  if (!port) throw new Error(`no port in the worker's start-up line:\n${worker.stdout()}`);
  return `http://127.0.0.1:${port}/health`;
}

/** Stops a worker that may or may not still run: SIGTERM, then SIGKILL if it lingers. */
export async function stopWorkerProcess(worker: AppProcess | undefined): Promise<void> {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), 5_000);
  await worker.exited();
  clearTimeout(timer);
}
