import { randomUUID } from 'node:crypto';
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

// `/mock status` and the daily question's Hint read PostgreSQL without Prisma (src/store/direct-sql.ts);
// pg's own errors must read as "unavailable" just as Prisma's do.
it.each([
  ['/mock status', () => ctx.app.slack.command('U0ANA', '/mock', 'status')],
  [
    'the daily question’s Hint',
    () =>
      ctx.app.slack.blockAction('U0ANA', {
        actionId: 'daily-question-hint',
        value: randomUUID(),
        channelId: 'C0DAILY',
      }),
  ],
])('%s while PostgreSQL is unreachable is answered with "try again"', async (_surface, send) => {
  const before = ctx.world.fake.responses.length;
  expect((await send()).status).toBe(200);

  const response = await ctx.world.fake.waitForResponse(
    (each) => ctx.world.fake.responses.indexOf(each) >= before,
  );
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
