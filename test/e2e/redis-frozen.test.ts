import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnedRedis, startOwnedRedis } from '../harness/owned-redis.ts';
import { requestFormState } from '../harness/request-form.ts';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

/**
 * Redis frozen (SIGSTOP: connections open, nothing answers). Nothing a listener does before its
 * ack touches Redis (follow-ups go through the outbox in PostgreSQL), so commands and modal
 * submissions are answered at once and saved. A guard: this held before the hardening work too.
 */
let world: TestWorld;
let redis: OwnedRedis;
let app: TestApp;
let redisPid = 0;

beforeAll(async () => {
  [world, redis] = await Promise.all([createTestWorld(), startOwnedRedis()]);
  app = await startTestApp(world, { env: { REDIS_URL: redis.url, MOCKINGBIRD_ROLES: 'web' } });
  const info = execFileSync('redis-cli', ['-p', String(redis.port), 'info', 'server']).toString();
  redisPid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  world.fake.setUser('U0ICE', { tz: 'Europe/Oslo' });
});

afterAll(async () => {
  if (redisPid) process.kill(redisPid, 'SIGCONT');
  await app?.stop();
  await redis?.close();
  await world?.close();
});

describe('with Redis frozen', () => {
  it('a modal submission and a command are answered at once, and the request is saved', async () => {
    const before = world.fake.callsTo('views.open').length;
    await app.slack.command('U0ICE', '/mock', '');
    const [call] = (await world.fake.waitForCalls('views.open', before + 1)).slice(before);
    const view = call!.args.view as { callback_id: string; private_metadata: string };

    process.kill(redisPid, 'SIGSTOP');
    let started = Date.now();
    const reply = await app.slack.viewSubmission('U0ICE', {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: requestFormState({
        types: ['execution'],
        level: 'SENIOR',
        role: 'BOTH',
        duration: '45',
        otherTimes: 'weekdays 18:00-21:00',
      }),
    });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(JSON.stringify(reply.json)).toContain('You are in the pool');
    expect(await world.db.partnerRequest.count()).toBe(1);

    started = Date.now();
    expect((await app.slack.command('U0ICE', '/mock', 'status')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
