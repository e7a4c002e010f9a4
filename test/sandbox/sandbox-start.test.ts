import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, expect, it } from 'vitest';
import { deleteKeysUnderPrefix } from '../../src/queue/redis.ts';
import { startAppProcess } from '../harness/app-process.ts';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../harness/database.ts';
import { closedPort, REDIS_URL } from '../harness/test-world.ts';

/** `npm start` as a newcomer runs it: no Slack credentials, and the sandbox opens. */

const database = uniqueDatabaseName();
const queuePrefix = `mbtest-sandbox-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await Promise.all([dropDatabase(database), deleteKeysUnderPrefix(REDIS_URL, queuePrefix)]);
});

it('without credentials npm start says where the sandbox is in one line, serves it on 127.0.0.1 and stops on SIGTERM', async () => {
  const app = startAppProcess({
    PORT: '0',
    REDIS_URL,
    SANDBOX_DATABASE_URL: databaseUrl(database),
    SANDBOX_QUEUE_PREFIX: queuePrefix,
  });
  await app.waitForLog(/open http:\/\/127\.0\.0\.1:\d+\//, 30_000);
  expect(app.stdout().trim().split('\n')).toHaveLength(1);
  expect(app.stdout()).toMatch(/^No Slack credentials, so Mockingbird runs in its sandbox/);
  const url = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(app.stdout())![1]!;
  const page = await fetch(`${url}?as=U0ANA&c=home`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Mockingbird sandbox');
  // Another host name pointing here (DNS rebinding) is turned away.
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const request = get(url, { headers: { host: 'attacker.example' } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
  });
  expect(status).toBe(403);
  app.child.kill('SIGTERM');
  expect((await app.exited()).code).toBe(0);
}, 60_000);

it('without PostgreSQL it says how to start it, and exits 1', async () => {
  const app = startAppProcess({
    DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/mockingbird`,
    REDIS_URL,
  });
  expect((await app.exited()).code).toBe(1);
  expect(app.stderr()).toContain('PostgreSQL does not answer');
  expect(app.stderr()).toContain('docker compose up -d postgres redis');
  expect(app.stderr()).not.toMatch(/\n\s+at /);
}, 30_000);

it('npm run sandbox refuses to run in production', async () => {
  const app = startAppProcess({ NODE_ENV: 'production' }, ['--sandbox']);
  expect((await app.exited()).code).toBe(1);
  expect(app.stderr()).toContain('does not run with NODE_ENV=production');
}, 30_000);
