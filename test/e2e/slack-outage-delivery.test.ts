import { expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';
import { reconcile } from '../../src/workflows/reconcile.ts';
import { textOf } from '../harness/slack-messages.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * Slack answering 5xx for a long while, on a compressed clock: deliveries retry for
 * SLACK_DELIVERY_RETRY_MINUTES (2 hours in production, 6 s here: 1/1200) with a capped backoff, so
 * an outage of 80 minutes (4 s here) delays the intro instead of losing it; an outage longer
 * than the whole window is given up on, recorded on the session, and the reconciler tries it again.
 */
const ctx = useTestApp({
  env: {
    SLACK_DELIVERY_RETRY_MINUTES: String(6 / 60),
    SLACK_DELIVERY_BACKOFF_MS: '100',
    SLACK_DELIVERY_BACKOFF_CAP_MS: '1000',
  },
});

const introsFor = (user: string) =>
  ctx.world.fake
    .callsTo('chat.postMessage')
    .filter((call) => textOf(call).includes(`<@${user}>`) && textOf(call).includes('It is on'));

function slackDownFor(ms: number) {
  for (const method of ['conversations.open', 'chat.postMessage'])
    ctx.world.fake.failFor(method, ms, { status: 503 });
  return Date.now() + ms;
}

it('Slack down for 80 minutes: the intro arrives once, when Slack is back', async () => {
  const back = slackDownFor(4_000);
  await ctx.app.slack.command('U0ANA', '/mock', 'behavioural now');
  await ctx.app.slack.command('U0BO', '/mock', 'behavioural now');
  const intro = await ctx.world.fake.waitForCall(
    'chat.postMessage',
    (call) => textOf(call).includes('<@U0ANA>') && textOf(call).includes('It is on'),
    15_000,
  );
  expect(intro.at.getTime()).toBeGreaterThanOrEqual(back - 50);
  const session = await ctx.world.db.session.findFirstOrThrow({
    where: { participants: { some: { member: { slackUserId: 'U0ANA' } } } },
  });
  // More tries than the Web API client makes on its own (3): BullMQ's attempts carried it over.
  expect(ctx.world.fake.callsTo('conversations.open').length).toBeGreaterThan(3);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(introsFor('U0ANA')).toHaveLength(1);
  expect(
    (await ctx.world.db.session.findUniqueOrThrow({ where: { id: session.id } })).undeliveredJob,
  ).toBeNull();
});

it('Slack down for longer than the whole window: given up, recorded, and sent by the reconciler later', async () => {
  slackDownFor(30_000);
  await ctx.app.slack.command('U0CY', '/mock', 'strategy now');
  await ctx.app.slack.command('U0DEE', '/mock', 'strategy now');
  const session = await expect
    .poll(
      () =>
        ctx.world.db.session.findFirst({
          where: {
            participants: { some: { member: { slackUserId: 'U0CY' } } },
            undeliveredJob: { not: null },
          },
        }),
      { timeout: 40_000, interval: 500 },
    )
    .toBeTruthy()
    .then(() =>
      ctx.world.db.session.findFirstOrThrow({
        where: { participants: { some: { member: { slackUserId: 'U0CY' } } } },
      }),
    );
  expect(session.undeliveredJob).toBe('post-session-intro');
  expect(introsFor('U0CY')).toHaveLength(0);
  const metrics = await (await fetch(`${ctx.app.baseUrl}/metrics`)).text();
  expect(metrics).toMatch(/mockingbird_jobs_given_up_total\{queue="post-session-intro"\} [1-9]/);

  // Slack is back; the reconciler's next run sends it again, once.
  for (const method of ['conversations.open', 'chat.postMessage']) ctx.world.fake.recover(method);
  // A given-up delivery rests a quarter of its window before the reconciler tries it again.
  await new Promise((resolve) => setTimeout(resolve, 1_600));
  const report = await reconcile({
    db: ctx.world.db,
    config: ctx.app.config,
    queues: ctx.app.queues,
    logger: createLogger('silent'),
    now: () => new Date(),
  });
  expect(report.retried).toBeGreaterThanOrEqual(1);
  await ctx.world.fake.waitForCall(
    'chat.postMessage',
    (call) => textOf(call).includes('<@U0CY>') && textOf(call).includes('It is on'),
    10_000,
  );
  expect(introsFor('U0CY')).toHaveLength(1);
  expect(
    (await ctx.world.db.session.findUniqueOrThrow({ where: { id: session.id } })).undeliveredJob,
  ).toBeNull();
}, 60_000);
