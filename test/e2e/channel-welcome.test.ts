import { beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../src/queue/catalogue.ts';
import { saveDailySettings } from '../../src/store/daily-question.ts';
import { ensureWorkspaceId } from '../../src/store/workspaces.ts';
import type { Json } from '../harness/fake-slack.ts';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * The welcome in the practice channel, end to end: Nia joins the daily-question channel and alone
 * sees a short note with a button that opens the request form. Slack's retries and a quick rejoin
 * welcome her once; joins elsewhere, bots (Mockingbird included) and a workspace whose organizer
 * turned it off get nothing.
 */
const ctx = useTestApp();

const PRACTICE = 'C0PRACTICE';

beforeAll(async () => {
  ctx.world.fake.setUser('U0ADA', { tz: 'Europe/London', is_admin: true });
  for (const user of ['U0NIA', 'U0OLI', 'U0PIA']) ctx.world.fake.setUser(user, { tz: 'Europe/Paris' });
  ctx.world.fake.setUser('U0ZAPBOT', { is_bot: true });
  const workspaceId = await ensureWorkspaceId(ctx.world.db, TEST_TEAM_ID);
  await saveDailySettings(
    ctx.world.db,
    workspaceId,
    {
      enabled: true,
      channelId: PRACTICE,
      localTime: '09:00',
      timezone: 'Europe/London',
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      interviewTypes: ['execution'],
    },
    { slackUserId: 'U0ADA', now: new Date() },
  );
});

/** Slack's member_joined_channel; `secondsLater` dates it after now (a later join). */
function join(user: string, channel: string, secondsLater = 0) {
  return ctx.app.slack.event(
    { type: 'member_joined_channel', user, channel, channel_type: 'C', team: TEST_TEAM_ID },
    { eventTime: Math.floor(Date.now() / 1000) + secondsLater },
  );
}

function welcomeJobId(user: string, channel: string): string {
  return jobIdFor('welcome-channel-member', {
    slackTeamId: TEST_TEAM_ID,
    channelId: channel,
    slackUserId: user,
    joinedAt: 0,
  });
}

/** Waits until the welcome job for this join has run to its end (a permanent failure counts). */
async function welcomeJobDone(user: string, channel: string): Promise<void> {
  const queue = ctx.app.queues.queue('welcome-channel-member');
  await expect
    .poll(() => queue.getJobState(welcomeJobId(user, channel)), { timeout: 20_000 })
    .toBe('completed');
}

const welcomesTo = (user: string) =>
  ctx.world.fake.callsTo('chat.postEphemeral').filter((call) => call.args.user === user);

function buttonsOf(blocks: unknown): Json[] {
  return ((blocks ?? []) as Json[]).flatMap((block) =>
    ((block.elements ?? []) as Json[]).filter((each) => each.type === 'button'),
  );
}

describe('someone joins the practice channel', () => {
  it('Nia joins: only she sees a welcome there, with one button to find a partner', async () => {
    expect((await join('U0NIA', PRACTICE)).status).toBe(200);
    const welcome = await ctx.world.fake.waitForCall(
      'chat.postEphemeral',
      (call) => call.args.user === 'U0NIA',
    );
    expect(welcome.args.channel).toBe(PRACTICE);
    expect(String(welcome.args.text)).toContain('Mockingbird');
    expect(JSON.stringify(welcome.args.blocks)).toContain('mock interview');
    expect(buttonsOf(welcome.args.blocks)).toEqual([
      expect.objectContaining({
        action_id: 'home-find-partner',
        text: expect.objectContaining({ text: 'Find a practice partner' }),
      }),
    ]);
  });

  it('Nia presses "Find a practice partner": the request modal opens', async () => {
    const before = ctx.world.fake.callsTo('views.open').length;
    await ctx.app.slack.blockAction('U0NIA', {
      actionId: 'home-find-partner',
      channelId: PRACTICE,
      container: {
        type: 'message',
        message_ts: '1700000000.000100',
        channel_id: PRACTICE,
        is_ephemeral: true,
      },
    });
    const [opened] = (await ctx.world.fake.waitForCalls('views.open', before + 1)).slice(before);
    expect((opened!.args.view as Json).callback_id).toBe('partner-request');
    expect(JSON.stringify((opened!.args.view as Json).blocks)).toContain('Europe/Paris');
  });

  it('Nia leaves and rejoins, twice within minutes: she is still welcomed once', async () => {
    await welcomeJobDone('U0NIA', PRACTICE);
    await join('U0NIA', PRACTICE, 60);
    await join('U0NIA', PRACTICE, 120);
    // All three joins reached BullMQ under one id; the later two found it taken and added nothing.
    await expect
      .poll(
        () =>
          ctx.world.db.outboxEntry.count({
            where: { jobId: welcomeJobId('U0NIA', PRACTICE), relayedAt: { not: null } },
          }),
        { timeout: 20_000 },
      )
      .toBe(3);
    await welcomeJobDone('U0NIA', PRACTICE);
    expect(welcomesTo('U0NIA')).toHaveLength(1);
  });
});

describe('joins that get no welcome', () => {
  it('Oli joins another channel the app is in', async () => {
    await join('U0OLI', 'C0RANDOM');
    await welcomeJobDone('U0OLI', 'C0RANDOM');
    expect(welcomesTo('U0OLI')).toEqual([]);
  });

  it('another app’s bot, and Mockingbird itself, join the practice channel', async () => {
    const self = ctx.world.fake.botUserId;
    await join('U0ZAPBOT', PRACTICE);
    await join(self, PRACTICE);
    await welcomeJobDone('U0ZAPBOT', PRACTICE);
    await welcomeJobDone(self, PRACTICE);
    expect(welcomesTo('U0ZAPBOT')).toEqual([]);
    expect(welcomesTo(self)).toEqual([]);
  });

  it('Ada turns the welcome off in the organizer settings; Pia then joins and is not welcomed', async () => {
    const reply = await ctx.app.slack.viewSubmission('U0ADA', {
      callback_id: 'admin-settings',
      state: {
        values: {
          'admin-welcome': { value: { type: 'radio_buttons', selected_option: { value: 'off' } } },
        },
      },
    });
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(reply.json)).toContain('not welcomed');
    expect(await ctx.world.db.workspaceSettings.findFirst()).toMatchObject({ welcomeNewMembers: false });

    await join('U0PIA', PRACTICE);
    await welcomeJobDone('U0PIA', PRACTICE);
    expect(welcomesTo('U0PIA')).toEqual([]);
  });
});
