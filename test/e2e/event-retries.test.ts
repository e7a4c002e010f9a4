import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0ANA', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0BO', { tz: 'Europe/Berlin' });
});

const homeOpened = (user: string) => ({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
const publishesFor = (user: string) =>
  ctx.world.fake.callsTo('views.publish').filter((call) => call.args.user_id === user);

/** Redeliveries skipped so far; the middleware counts one the moment it decides to drop it. */
async function skippedRedeliveries(): Promise<number> {
  const text = await (await fetch(`${ctx.app.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((each) => each.startsWith('mockingbird_slack_event_duplicates_total '));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

describe('Events API redeliveries (X-Slack-Retry-Num)', () => {
  it('Ana opens the Home tab; Slack retries the event twice; her tab is drawn once and every delivery is acknowledged', async () => {
    const first = await ctx.app.slack.event(homeOpened('U0ANA'), { eventId: 'Ev0HOME0ANA' });
    expect(first.status).toBe(200);
    await ctx.world.fake.waitForCall('views.publish', (call) => call.args.user_id === 'U0ANA');

    const skipped = await skippedRedeliveries();
    for (const retryNum of [1, 2]) {
      const retry = await ctx.app.slack.event(homeOpened('U0ANA'), {
        eventId: 'Ev0HOME0ANA',
        retryNum,
        retryReason: 'http_timeout',
      });
      expect(retry.status).toBe(200);
    }
    // Once both redeliveries are counted as skipped, neither can publish any more.
    await expect.poll(skippedRedeliveries).toBe(skipped + 2);
    expect(publishesFor('U0ANA')).toHaveLength(1);
  });

  it('an event that first arrives as a retry (the original never reached us) is handled', async () => {
    const retry = await ctx.app.slack.event(homeOpened('U0BO'), {
      eventId: 'Ev0HOME0BO',
      retryNum: 1,
      retryReason: 'http_error',
    });
    expect(retry.status).toBe(200);
    await ctx.world.fake.waitForCall('views.publish', (call) => call.args.user_id === 'U0BO');
    expect(publishesFor('U0BO')).toHaveLength(1);
  });

  it('a new event from the same member (another event_id) is handled again', async () => {
    const before = publishesFor('U0ANA').length;
    await ctx.app.slack.event(homeOpened('U0ANA'), { eventId: 'Ev0HOME0ANA2' });
    await expect.poll(() => publishesFor('U0ANA').length).toBe(before + 1);
  });
});
