import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  closedPort,
  createTestWorld,
  startTestApp,
  type TestApp,
  type TestWorld,
} from '../harness/test-world.ts';

let world: TestWorld;
let app: TestApp;

beforeAll(async () => {
  world = await createTestWorld();
  // PostgreSQL "goes away": the app points at a port where nothing listens.
  app = await startTestApp(world, {
    env: { DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/mockingbird` },
  });
});

afterAll(async () => {
  await app?.stop();
  await world?.close();
});

it('a command while PostgreSQL is unreachable is still acknowledged and answered with "try again"', async () => {
  const answer = await app.slack.command('U0ANA', '/mock', 'profile');
  expect(answer.status).toBe(200);

  const response = await world.fake.waitForResponse();
  expect(response.body).toMatchObject({ response_type: 'ephemeral' });
  expect(String((response.body as { text?: string }).text)).toMatch(/cannot reach its database.*try again/i);
});

it('help needs no database and still answers in full', async () => {
  const answer = await app.slack.command('U0ANA', '/mock', 'help');
  expect(answer.status).toBe(200);
  expect(JSON.stringify(answer.json?.blocks)).toContain('/mock profile');
});

it('the health endpoint names PostgreSQL as the dependency that is down', async () => {
  const response = await fetch(`${app.baseUrl}/health`);
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ status: 'unavailable', postgres: 'down', redis: 'up' });
});
