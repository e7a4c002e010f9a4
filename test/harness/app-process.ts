import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  /** Everything the process wrote, for assertions on messages and logs. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process logs a line matching `pattern`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `src/main.ts` as its own process, the way `npm start` does, with exactly the environment
 * given (no inherited Slack settings), so tests see real exit codes, signals and stderr.
 */
export function startAppProcess(
  env: Record<string, string>,
  args: string[] = [],
  options: {
    /** What node runs before `args`; production's compiled command instead of tsx, for example. */
    nodeArgs?: string[];
  } = {},
): AppProcess {
  const nodeArgs = options.nodeArgs ?? ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
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
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    async waitForLog(pattern, timeoutMs = 15_000) {
      const started = Date.now();
      while (!pattern.test(out)) {
        if (child.exitCode !== null)
          throw new Error(`process exited (${child.exitCode}) before logging ${pattern}:\n${err}`);
        if (Date.now() - started > timeoutMs)
          throw new Error(`timed out waiting for ${pattern}; stdout:\n${out}\nstderr:\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
