import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closedPort } from './test-world.ts';

/**
 * A redis-server that belongs to one test file, so the test can take it away and bring it back
 * without disturbing the shared Redis other files use. It keeps an append-only file fsynced on
 * every write (`appendfsync always`): whatever Redis acknowledged survives a stop, however abrupt,
 * and is loaded again when it starts on the same port and directory.
 */
export interface OwnedRedis {
  url: string;
  port: number;
  /** Kills the server as a crash would (SIGKILL): nothing gets a chance to flush on the way out. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it if running and deletes its data directory. Safe to call twice. */
  close(): Promise<void>;
}

const REDIS_SERVER = process.env.TEST_REDIS_SERVER ?? 'redis-server';

export async function startOwnedRedis(): Promise<OwnedRedis> {
  const [port, dir] = await Promise.all([closedPort(), mkdtemp(path.join(tmpdir(), 'mockingbird-redis-'))]);
  let server: ChildProcess | undefined;
  // A test runner that dies without its afterAll must not leave the server or its files behind.
  const killOnExit = () => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  const owned: OwnedRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (server) throw new Error('the owned redis is already running');
      server = await launch(port, dir);
    },
    async stop() {
      const running = server;
      server = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = once(running, 'exit');
      running.kill('SIGKILL');
      await exited;
    },
    async close() {
      await owned.stop();
      process.off('exit', killOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
  await owned.start();
  return owned;
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      // No RDB snapshots: the append-only file alone has to carry the data across a restart.
      '--save',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const started = Date.now();
  // Logged once the append-only file is loaded and the port is open.
  while (!/Ready to accept connections/.test(output)) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`redis-server on port ${port} exited while starting:\n${output}`);
    }
    if (Date.now() - started > 10_000) {
      child.kill('SIGKILL');
      throw new Error(`redis-server on port ${port} did not start within 10 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return child;
}
