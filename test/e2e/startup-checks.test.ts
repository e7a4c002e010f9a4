import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../harness/app-process.ts';
import { type OwnedRedis, startOwnedRedis } from '../harness/owned-redis.ts';
import { closedPort, createTestWorld, type TestWorld } from '../harness/test-world.ts';

let world: TestWorld;

beforeAll(async () => {
  world = await createTestWorld();
});

afterAll(async () => {
  await world?.close();
});

describe('start-up checks', () => {
  it('a well-formed bot token Slack refuses stops the start with a message naming the setting', async () => {
    const app = startAppProcess(
      world.env({
        PORT: String(await closedPort()),
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: 'xoxb-not-a-real-token',
      }),
    );
    const { code } = await app.exited();
    expect(code).toBe(1);
    expect(app.stderr()).toContain('SLACK_BOT_TOKEN');
    expect(app.stderr()).toContain('invalid_auth');
    expect(app.stderr()).not.toMatch(/\n\s+at /);
    expect(app.stdout()).not.toContain('Mockingbird is running');
  });

  describe('a Redis that can lose jobs', () => {
    let redis: OwnedRedis;
    beforeAll(async () => {
      redis = await startOwnedRedis();
      const admin = new Redis(redis.url);
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      await admin.config('SET', 'appendonly', 'no');
      await admin.config('SET', 'save', '');
      admin.disconnect();
    });
    afterAll(async () => {
      await redis?.close();
    });

    it('is warned about: its eviction policy and its lack of persistence', async () => {
      const app = startAppProcess(
        world.env({ PORT: String(await closedPort()), LOG_LEVEL: 'info', REDIS_URL: redis.url }),
      );
      try {
        await app.waitForLog(/Mockingbird is running/);
        await app.waitForLog(/maxmemory-policy noeviction/);
        await app.waitForLog(/appendonly yes/);
      } finally {
        app.child.kill('SIGTERM');
        await app.exited();
      }
    });
  });
});
