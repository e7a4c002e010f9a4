import { Redis } from 'ioredis';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';
import { saveDailySettings } from '../../src/store/daily-question.ts';
import { reconcile } from '../../src/workflows/reconcile.ts';
import { textOf } from '../harness/slack-messages.ts';
import { REDIS_URL } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * Redis restarted without persistence (the default on many hosts) forgets every delayed job. The
 * reconciler re-derives from PostgreSQL what must be queued and queues it again: the current
 * version's reminders and check-in, the intro that was never posted, each open request's expiry.
 */
const ctx = useTestApp({ env: { SESSION_REMINDERS_SECONDS: '3600' } });

const reconcileNow = () =>
  reconcile({
    db: ctx.world.db,
    config: ctx.app.config,
    queues: ctx.app.queues,
    logger: createLogger('silent'),
    now: () => new Date(),
  });

async function forgetEveryJob(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${ctx.app.config.queuePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

it('after Redis lost everything, the reconciler queues each live session’s follow-ups and each request’s expiry again', async () => {
  await ctx.app.slack.command('U0ANA', '/mock', 'behavioural now');
  await ctx.app.slack.command('U0BO', '/mock', 'behavioural now');
  await ctx.world.fake.waitForCall('chat.postMessage', (call) => textOf(call).includes('It is on'));
  await ctx.app.slack.command('U0CY', '/mock', 'strategy senior both weekdays 18-21');
  const session = await ctx.world.db.session.findFirstOrThrow({ where: { status: 'CONFIRMED' } });
  const cy = await expect
    .poll(() => ctx.world.db.partnerRequest.findFirst({ where: { status: 'OPEN' } }))
    .toBeTruthy()
    .then(() => ctx.world.db.partnerRequest.findFirstOrThrow({ where: { status: 'OPEN' } }));
  await expect.poll(() => ctx.world.db.outboxEntry.count({ where: { relayedAt: null } })).toBe(0);
  const checkInId = `session-${session.id}-v${session.version}-check-in`;
  const expiryId = `request-${cy.id}-expire-${cy.expiresAt.getTime()}`;
  expect(await ctx.app.queues.queue('session-check-in').getJobState(checkInId)).toBe('delayed');

  // Nothing is missing yet: a run finds nothing to repair.
  expect((await reconcileNow()).repaired).toEqual({ intro: 0, followUp: 0, requestExpiry: 0 });

  await forgetEveryJob();
  expect(await ctx.app.queues.queue('session-check-in').getJobState(checkInId)).toBe('unknown');
  const report = await reconcileNow();
  expect(report.repaired.followUp).toBeGreaterThanOrEqual(1);
  expect(report.repaired.requestExpiry).toBe(1);
  await expect.poll(() => ctx.app.queues.queue('session-check-in').getJobState(checkInId)).toBe('delayed');
  await expect.poll(() => ctx.app.queues.queue('expire-request').getJobState(expiryId)).toBe('delayed');
  const checkIn = await ctx.app.queues.queue('session-check-in').getJob(checkInId);
  // Due when it always was: the session's end.
  expect(checkIn!.timestamp + (checkIn!.opts.delay ?? 0)).toBeCloseTo(
    session.startsAt.getTime() + session.durationMinutes * 60_000,
    -4,
  );
});

it('a session whose intro was never posted gets it', async () => {
  await ctx.world.fake.setUser('U0DEE', { tz: 'Europe/London' });
  await ctx.app.slack.command('U0DEE', '/mock', 'strategy senior both weekdays 18-21');
  const proposal = await expect
    .poll(() => ctx.world.db.session.findFirst({ where: { status: 'PROPOSED' } }))
    .toBeTruthy()
    .then(() => ctx.world.db.session.findFirstOrThrow({ where: { status: 'PROPOSED' } }));
  await ctx.world.fake.waitForCall('chat.postMessage', (call) => textOf(call).includes('Pick this time'));
  await expect
    .poll(async () => (await ctx.world.db.session.findUniqueOrThrow({ where: { id: proposal.id } })).introTs)
    .toBeTruthy();
  await expect.poll(() => ctx.world.db.outboxEntry.count({ where: { relayedAt: null } })).toBe(0);
  // As if the intro had been lost between the match and Slack: no DM recorded, no job.
  await ctx.world.db.session.update({ where: { id: proposal.id }, data: { introTs: null, channelId: null } });
  await ctx.world.db.sentMessage.deleteMany({ where: { key: `session-${proposal.id}-intro` } });
  await forgetEveryJob();
  const before = ctx.world.fake
    .callsTo('chat.postMessage')
    .filter((call) => textOf(call).includes('Pick this time')).length;

  const report = await reconcileNow();
  expect(report.repaired.intro).toBe(1);
  await expect
    .poll(
      () =>
        ctx.world.fake.callsTo('chat.postMessage').filter((call) => textOf(call).includes('Pick this time'))
          .length,
    )
    .toBe(before + 1);
  await expect
    .poll(async () => (await ctx.world.db.session.findUniqueOrThrow({ where: { id: proposal.id } })).introTs)
    .toBeTruthy();
});

it('a daily-question schedule lost with Redis is set again', async () => {
  const workspace = await ctx.world.db.workspace.findFirstOrThrow();
  await saveDailySettings(
    ctx.world.db,
    workspace.id,
    {
      enabled: true,
      channelId: 'C0PRACTICE',
      localTime: '09:00',
      timezone: 'Europe/London',
      weekdays: ['mon', 'wed', 'fri'],
      interviewTypes: ['execution'],
    },
    { slackUserId: 'U0ANA', now: new Date() },
  );
  await forgetEveryJob();
  const schedulerId = `workspace-${workspace.id}-daily-question`;
  expect(await ctx.app.queues.queue('post-daily-question').getJobScheduler(schedulerId)).toBeUndefined();
  await reconcileNow();
  expect(await ctx.app.queues.queue('post-daily-question').getJobScheduler(schedulerId)).toMatchObject({
    pattern: expect.any(String),
    tz: 'Europe/London',
  });
});
