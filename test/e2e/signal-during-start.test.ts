import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppProcess } from '../harness/app-process.ts';
import { createTestWorld, type TestWorld } from '../harness/test-world.ts';

// A signal that arrives while the app is still starting (here: a PostgreSQL that accepts the
// connection and never answers) is answered like any other: logged, and the process exits with
// the code a shell expects for that signal, instead of Node's default of dying silently.
let world: TestWorld;
let silentDatabase: Server;
const held: Socket[] = [];

beforeAll(async () => {
  world = await createTestWorld();
  silentDatabase = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silentDatabase.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silentDatabase?.close(resolve));
  await world?.close();
});

it('SIGTERM during start-up is logged and ends the process with code 143', async () => {
  const { port } = silentDatabase.address() as { port: number };
  const app = startAppProcess(
    world.env({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/mockingbird`, LOG_LEVEL: 'info' }),
  );
  await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);

  app.child.kill('SIGTERM');

  expect(await app.exited()).toEqual({ code: 143, signal: null });
  expect(app.stdout()).toMatch(/"msg":"stopping before start-up finished"/);
});
