/**
 * What the benchmarks share about running an app as its own process: the production build and
 * command (package.json's `start:prod`, which the Dockerfile's ENTRYPOINT mirrors), starting a
 * child and waiting for its port, stopping it, and reading its memory and CPU from /proc.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { productionNodeArgs } from '../test/harness/production-command.ts';

export { productionNodeArgs };

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * What the Dockerfile's ENV sets for every role. MALLOC_ARENA_MAX: glibc otherwise keeps a malloc
 * arena per thread, and resident memory is what the benchmarks judge.
 */
export const PRODUCTION_ENV = { NODE_ENV: 'production', MALLOC_ARENA_MAX: '2' };

export interface Child {
  process: ChildProcess;
  port: number;
  /** Milliseconds from spawning to the announced port. */
  startMs: number;
  output(): string;
}

/** Compiles the app into dist/ as the Dockerfile does (`npm run build`), once per benchmark run. */
export function buildForProduction(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Children still running; one listener kills them all if the benchmark itself ends first. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `node <args>` (no wrapper, so its pid is the app's) and waits for it to announce its port. */
export async function startChild(
  args: string[],
  env: Record<string, string>,
  portOf: (output: string) => number | undefined,
): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MOCKINGBIRD_ENV_FILE: '/nonexistent/.env',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  for (;;) {
    const port = portOf(out);
    if (port !== undefined) {
      return { process: child, port, startMs: performance.now() - started, output: () => out };
    }
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode}):\n${out}`);
    if (performance.now() - started > 60_000) throw new Error(`${args.join(' ')} did not start:\n${out}`);
    await sleep(10);
  }
}

export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The port in the JSON line Mockingbird logs once it serves: `Mockingbird is running`. */
export function mockingbirdPort(text: string): number | undefined {
  return portIn(text, z.object({ msg: z.literal('Mockingbird is running'), port: z.number() }));
}

/** The port a child announces in a JSON line of its output. */
export function portIn(text: string, shape: z.ZodType<{ port: number }>): number | undefined {
  for (const each of text.split('\n')) {
    const parsed = shape.safeParse(safeJson(each));
    if (parsed.success) return parsed.data.port;
  }
  return undefined;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds (user + system) `pid` has used; NaN where there is no /proc. */
export function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Resident and peak resident memory of `pid` in MB. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    const rssMb =
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024;
    return { rssMb, hwmMb: rssMb };
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
