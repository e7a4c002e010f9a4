import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, createTestWorld, startTestApp, type TestWorld } from '../harness/test-world.ts';

let world: TestWorld;

beforeAll(async () => {
  world = await createTestWorld();
});

afterAll(async () => {
  await world?.close();
});

describe('GET /health', () => {
  it('answers 200 when PostgreSQL and Redis both answer', async () => {
    const app = await startTestApp(world);
    try {
      const response = await fetch(`${app.baseUrl}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
    } finally {
      await app.stop();
    }
  });

  it('answers 503 naming Redis when Redis is unreachable, and Slack requests are still acknowledged', async () => {
    const app = await startTestApp(world, { env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` } });
    try {
      const response = await fetch(`${app.baseUrl}/health`);
      expect(response.status).toBe(503);
      // …and, once a connection has reported the outage, since when (redisDownSince).
      expect(await response.json()).toMatchObject({ status: 'unavailable', postgres: 'up', redis: 'down' });

      const answer = await app.slack.command('U0ANA', '/mock', 'help');
      expect(answer.status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('a worker-only process serves /health on its own small server', async () => {
    const app = await startTestApp(world, { env: { MOCKINGBIRD_ROLES: 'worker' } });
    try {
      const response = await fetch(`${app.baseUrl}/health`);
      expect(response.status).toBe(200);
      const events = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST' });
      expect(events.status).toBe(404);
    } finally {
      await app.stop();
    }
  });
});
