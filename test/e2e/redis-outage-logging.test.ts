import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from '../harness/app-process.ts';
import { type OwnedRedis, startOwnedRedis } from '../harness/owned-redis.ts';
import { closedPort, createTestWorld, type TestWorld } from '../harness/test-world.ts';

/**
 * Redis going away for a few seconds under a running process (web and worker roles): one JSON line
 * says it went, one says it is back, a metric and /health say so in between, instead of a line for
 * every failed reconnect of every connection and worker.
 */
let world: TestWorld;
let redis: OwnedRedis;
let app: AppProcess;
let baseUrl: string;

beforeAll(async () => {
  [world, redis] = await Promise.all([createTestWorld(), startOwnedRedis()]);
  const port = await closedPort();
  baseUrl = `http://127.0.0.1:${port}`;
  app = startAppProcess(
    world.env({ PORT: String(port), LOG_LEVEL: 'info', REDIS_URL: redis.url, SHUTDOWN_TIMEOUT_MS: '2000' }),
  );
  await app.waitForLog(/Mockingbird is running/, 30_000);
  // Start-up queues its schedulers without waiting; let them land before Redis is taken away.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
}, 60_000);

afterAll(async () => {
  app?.child.kill('SIGTERM');
  await app?.exited();
  await redis?.close();
  await world?.close();
});

const linesSince = (offset: number) =>
  app
    .stdout()
    .slice(offset)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { level: string; msg: string; dependency?: string });

it('an outage is one line going, one line back, a metric and /health naming Redis', async () => {
  const before = app.stdout().length;
  await redis.stop();
  await app.waitForLog(/Redis is unreachable/);
  // Long enough for every connection to fail many reconnects.
  await new Promise((resolve) => setTimeout(resolve, 5_000));

  const health = await fetch(`${baseUrl}/health`);
  expect(health.status).toBe(503);
  const body = (await health.json()) as Record<string, string>;
  expect(body).toMatchObject({ postgres: 'up', redis: 'down' });
  expect(body.redisDownSince).toMatch(/^\d{4}-/);
  expect(await (await fetch(`${baseUrl}/metrics`)).text()).toMatch(/^mockingbird_redis_up 0$/m);

  const during = linesSince(before).filter((line) => line.level === 'warn' || line.level === 'error');
  expect(during.map((line) => JSON.stringify(line))).toEqual([
    expect.stringContaining('Redis is unreachable'),
  ]);

  await redis.start();
  await app.waitForLog(/Redis is back/, 15_000);
  const after = linesSince(before);
  expect(after.filter((line) => line.msg.includes('Redis is back'))).toHaveLength(1);
  expect(after.filter((line) => line.msg.includes('Redis is unreachable'))).toHaveLength(1);
  expect(await (await fetch(`${baseUrl}/metrics`)).text()).toMatch(/^mockingbird_redis_outages_total 1$/m);
  await expect.poll(async () => (await fetch(`${baseUrl}/health`)).status, { timeout: 10_000 }).toBe(200);
}, 60_000);
