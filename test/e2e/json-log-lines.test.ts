import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from '../harness/app-process.ts';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../harness/database.ts';
import { type OwnedRedis, startOwnedRedis } from '../harness/owned-redis.ts';
import { closedPort, createTestWorld, type TestWorld } from '../harness/test-world.ts';

/**
 * README promises that logs are JSON lines, so `jq` and a log shipper can read every one. The
 * noisiest start-up there is, a database that does not exist yet (created, then every migration
 * applied) and a Redis BullMQ complains about (an eviction policy), must keep that promise: what
 * the migration step and the libraries say comes out as pino lines too, not as loose text.
 */

let world: TestWorld;
let redis: OwnedRedis;
const freshDatabase = uniqueDatabaseName();

beforeAll(async () => {
  [world, redis] = await Promise.all([createTestWorld(), startOwnedRedis()]);
  // BullMQ checks the eviction policy of every connection it opens and warns on the console.
  const admin = new Redis(redis.url);
  await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
  admin.disconnect();
});

afterAll(async () => {
  await Promise.all([redis?.close(), world?.close(), dropDatabase(freshDatabase)]);
});

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

function parseLines(output: string): Array<{ line: string; parsed: LogLine | undefined }> {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const parsed = JSON.parse(line) as unknown;
        const isLogLine =
          typeof parsed === 'object' && parsed !== null && 'level' in parsed && 'msg' in parsed;
        return { line, parsed: isLogLine ? (parsed as LogLine) : undefined };
      } catch {
        return { line, parsed: undefined };
      }
    });
}

async function waitForOutput(app: AppProcess, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!pattern.test(`${app.stdout()}${app.stderr()}`)) {
    if (Date.now() - started > timeoutMs) throw new Error(`the app never wrote ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a first start against an empty database and an evicting Redis', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = startAppProcess(
      world.env({
        PORT: String(await closedPort()),
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl(freshDatabase),
        REDIS_URL: redis.url,
      }),
    );
    try {
      await app.waitForLog(/Mockingbird is running/, 60_000);
      // BullMQ's warning arrives once its connections have asked Redis for its settings. Looked for
      // on both streams, so that the assertions below say what is wrong rather than a timeout.
      await waitForOutput(app, /Eviction policy is allkeys-lru/);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited();
    }
  }, 90_000);

  it('writes nothing but JSON log lines on stdout, and nothing on stderr', () => {
    const notJson = parseLines(app.stdout())
      .filter(({ parsed }) => parsed === undefined)
      .map(({ line }) => line);
    expect(notJson).toEqual([]);
    expect(app.stderr()).toBe('');
  });

  it('says, as log lines, that it created the database and which migrations it applied', () => {
    const lines = parseLines(app.stdout()).flatMap(({ parsed }) => (parsed ? [parsed] : []));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'created the database', database: freshDatabase }),
    );
    const applying = lines.filter((line) => line.msg === 'applying migration');
    expect(applying.length).toBeGreaterThan(1);
    expect(applying[0]).toMatchObject({ level: 'info', migration: expect.stringMatching(/^\d{14}_/) });
  });

  it("passes BullMQ's own warning on as a warn line, marked as the library's", () => {
    const lines = parseLines(app.stdout()).flatMap(({ parsed }) => (parsed ? [parsed] : []));
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        component: 'library-console',
        msg: expect.stringContaining('Eviction policy is allkeys-lru'),
      }),
    );
  });
});
