import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

describe('views.open answering 429', () => {
  it('the member is told within the trigger’s 3 s, and the call is not retried after it', async () => {
    ctx.world.fake.setUser('U0RATE', { tz: 'Europe/Paris' });
    ctx.world.fake.failNext('views.open', { status: 429, retryAfterSeconds: 5 });
    const before = ctx.world.fake.responses.length;
    const started = Date.now();
    const reply = await ctx.app.slack.command('U0RATE', '/mock', '');
    expect(reply.status).toBe(200);

    while (ctx.world.fake.responses.length <= before && Date.now() - started < 6_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(JSON.stringify(ctx.world.fake.responses[before]?.body)).toContain('run it again');

    // A retry after Retry-After would land on a trigger id that died long ago.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(ctx.world.fake.callsTo('views.open')).toHaveLength(1);
  });
});
