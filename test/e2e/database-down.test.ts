import { expect, it } from 'vitest';
import { closedPort } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp({
  env: async () => ({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/mockingbird` }),
});

it('a command while PostgreSQL is unreachable is still acknowledged and answered with "try again"', async () => {
  const answer = await ctx.app.slack.command('U0ANA', '/mock', 'profile');
  expect(answer.status).toBe(200);

  const response = await ctx.world.fake.waitForResponse();
  expect(response.body).toMatchObject({ response_type: 'ephemeral' });
  expect(String((response.body as { text?: string }).text)).toMatch(/cannot reach its database.*try again/i);
});

it('help needs no database and still answers in full', async () => {
  const answer = await ctx.app.slack.command('U0ANA', '/mock', 'help');
  expect(answer.status).toBe(200);
  expect(JSON.stringify(answer.json?.blocks)).toContain('/mock profile');
});

it('the health endpoint names PostgreSQL as the dependency that is down', async () => {
  const response = await fetch(`${ctx.app.baseUrl}/health`);
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ status: 'unavailable', postgres: 'down', redis: 'up' });
});
