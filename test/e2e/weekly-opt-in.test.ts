import { beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';
import { enterWeeklyMembers } from '../../src/workflows/weekly-entries.ts';
import type { Json } from '../harness/fake-slack.ts';
import { textOf } from '../harness/slack-messages.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/** "Pair me every week": entered each week without asking, one click to skip, paused means paused. */
const ctx = useTestApp({ env: { MATCH_SWEEP_INTERVAL_SECONDS: String(7 * 24 * 3600) } });
const WEEK = 7 * 24 * 3600_000;

beforeAll(() => ctx.world.fake.setUser('U0GUS', { tz: 'Europe/Berlin' }));

const responseIncluding = (text: string) =>
  ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes(text));
const openRequests = () =>
  ctx.world.db.partnerRequest.count({ where: { member: { slackUserId: 'U0GUS' }, status: 'OPEN' } });
const runWeeklyEntries = (offsetMs: number) =>
  enterWeeklyMembers({
    db: ctx.world.db,
    config: ctx.app.config,
    logger: createLogger('silent'),
    now: () => new Date(Date.now() + offsetMs),
  });

it('weekly pairing needs weekly times, and says how to give them', async () => {
  await ctx.app.slack.command('U0GUS', '/mock', 'weekly execution now');
  await responseIncluding('Weekly pairing needs times you are free most weeks');
  expect(await openRequests()).toBe(0);
});

it('`/mock weekly …` enters Gus this week at once and tells him in a DM with “Skip this week”', async () => {
  await ctx.app.slack.command('U0GUS', '/mock', 'weekly execution senior weekdays 18-21');
  await responseIncluding('Every week I will put you in the pool');
  await responseIncluding('You are in for this week already');
  expect(await openRequests()).toBe(1);
  const notice = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
    textOf(call).includes("This week's practice"),
  );
  expect(notice.args.channel).toBe('U0GUS');
  expect(textOf(notice)).toContain('Weekdays 18:00–21:00');
  // Running the weekly entries again this week changes nothing.
  expect(await runWeeklyEntries(0)).toBe(0);

  const skip = (
    (notice.args.blocks as Json[]).find((block) => block.type === 'actions')!.elements as Json[]
  )[0]!;
  await ctx.app.slack.blockAction('U0GUS', { actionId: String(skip.action_id), value: String(skip.value) });
  await responseIncluding('this week’s request is withdrawn');
  expect(await openRequests()).toBe(0);
  expect(await runWeeklyEntries(0)).toBe(0);
});

it('next week Gus is entered again without asking; paused, he is not', async () => {
  expect(await runWeeklyEntries(WEEK)).toBe(1);
  expect(await openRequests()).toBe(1);
  await ctx.world.fake.waitForCall(
    'chat.postMessage',
    (call) =>
      textOf(call).includes("This week's practice") &&
      call.args.channel === 'U0GUS' &&
      ctx.world.fake
        .callsTo('chat.postMessage')
        .filter((each) => textOf(each).includes("This week's practice")).length === 2,
  );

  await ctx.app.slack.command('U0GUS', '/mock', 'cancel');
  await responseIncluding('Your request is withdrawn');
  await ctx.app.slack.command('U0GUS', '/mock', 'pause');
  await expect
    .poll(
      async () => (await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0GUS' } })).pausedAt,
    )
    .not.toBeNull();
  expect(await runWeeklyEntries(2 * WEEK)).toBe(0);

  await ctx.app.slack.command('U0GUS', '/mock', 'weekly off');
  await responseIncluding('no more weekly pairing');
  await ctx.app.slack.command('U0GUS', '/mock', 'resume');
  expect(await runWeeklyEntries(3 * WEEK)).toBe(0);
});
