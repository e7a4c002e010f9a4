import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import { syncBuiltInQuestions } from '../../src/store/question-bank.ts';
import { buttonsIn, textOf } from '../harness/slack-messages.ts';
import { useTestApp } from '../harness/use-test-app.ts';

// Real BullMQ delays, shortened through configuration: a "now" pair starts 2 s after the match,
// is reminded 1 s before, and is asked how it went 3 s after the start (30 min − 1797 s).
const ctx = useTestApp({
  env: {
    SESSION_NOW_LEAD_SECONDS: '2',
    SESSION_REMINDERS_SECONDS: '86400,1',
    SESSION_CHECK_IN_AFTER_END_SECONDS: '-1797',
  },
});

beforeAll(async () => {
  for (const user of ['U0ANA', 'U0BO', 'U0CY', 'U0DEE'])
    ctx.world.fake.setUser(user, { tz: 'Europe/London' });
  await syncBuiltInQuestions(ctx.world.db, (await loadBank()).questions);
});

const posts = () => ctx.world.fake.callsTo('chat.postMessage');
const postsIn = (channel: string) => posts().filter((call) => call.args.channel === channel);

async function press(user: string, button: { action_id: string; value: string }, channelId: string) {
  const reply = await ctx.app.slack.blockAction(user, {
    actionId: button.action_id,
    value: button.value,
    channelId,
  });
  expect(reply.status).toBe(200);
}

async function sessionOf(user: string) {
  return ctx.world.db.session.findFirstOrThrow({
    where: { participants: { some: { member: { slackUserId: user } } } },
    orderBy: { createdAt: 'desc' },
    include: { participants: { include: { member: true } } },
  });
}

describe('a pair free now: match → intro → reminder → how did it go', () => {
  it('runs the whole path on real delayed jobs, each message once', async () => {
    await ctx.app.slack.command('U0ANA', '/mock', 'behavioural 30min now');
    await ctx.app.slack.command('U0BO', '/mock', 'behavioural 30min now');

    const intro = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call).includes('It is on'),
    );
    const channel = String(intro.args.channel);
    const upload = await ctx.world.fake.waitForCall('files.completeUploadExternal');
    expect(upload.args.channel_id).toBe(channel);

    const reminder = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call).includes('starts in a moment'),
    );
    expect(reminder.args.channel).toBe(channel);
    const checkIn = await ctx.world.fake.waitForCall(
      'chat.postMessage',
      (call) => textOf(call).includes('how did your'),
      10_000,
    );
    expect(checkIn.args.channel).toBe(channel);
    await expect.poll(async () => (await sessionOf('U0ANA')).status).toBe('COMPLETED');

    // The 24 h reminder was already past at the match, so it was never queued.
    expect(postsIn(channel).filter((call) => textOf(call).includes('Reminder'))).toHaveLength(1);
    expect(postsIn(channel).filter((call) => textOf(call).includes('how did your'))).toHaveLength(1);
    expect(postsIn(channel).filter((call) => textOf(call).includes('It is on'))).toHaveLength(1);
  });

  it('each interviewer gets a private prompt: one each in a swap, never the same, never the interviewee’s', async () => {
    await expect
      .poll(() => posts().filter((call) => textOf(call).includes('Your prompt for')).length)
      .toBe(2);
    const promptPosts = posts().filter((call) => textOf(call).includes('Your prompt for'));
    const intro = posts().find((call) => textOf(call).includes('It is on'))!;
    for (const post of promptPosts) expect(post.args.channel).not.toBe(intro.args.channel);
    const session = await sessionOf('U0ANA');
    const served = await ctx.world.db.promptServed.findMany({ where: { sessionId: session.id } });
    expect(served).toHaveLength(2);
    expect(new Set(served.map((row) => row.questionId)).size).toBe(2);
    // The one asking first is told so; the brief names the other as the interviewee.
    const first = session.participants.find((p) => p.interviewsFirst)!.member.slackUserId;
    const second = session.participants.find((p) => !p.interviewsFirst)!.member.slackUserId;
    expect(
      promptPosts.some(
        (post) =>
          textOf(post).includes('You ask first') && textOf(post).includes(`<@${second}> has not seen`),
      ),
    ).toBe(true);
    expect(
      promptPosts.some(
        (post) =>
          textOf(post).includes('After the swap') && textOf(post).includes(`<@${first}> has not seen`),
      ),
    ).toBe(true);
  });

  it('“my partner did not show up” records the no-show and puts the reporter back in the pool, now', async () => {
    const session = await sessionOf('U0BO');
    const checkIn = posts().find((call) => textOf(call).includes('how did your'))!;
    const noShow = buttonsIn(checkIn.args.blocks).find((button) => button.action_id === 'session-no-show')!;
    await press('U0BO', noShow, String(checkIn.args.channel));

    await ctx.world.fake.waitForResponse((posted) =>
      JSON.stringify(posted.body).includes('back in the pool'),
    );
    const participants = await ctx.world.db.sessionParticipant.findMany({
      where: { sessionId: session.id },
      include: { member: true },
    });
    expect(participants.find((p) => p.member.slackUserId === 'U0ANA')?.noShow).toBe(true);
    expect(participants.find((p) => p.member.slackUserId === 'U0BO')?.noShow).toBe(false);
    const bo = participants.find((p) => p.member.slackUserId === 'U0BO')!;
    const reopened = await ctx.world.db.partnerRequest.findFirstOrThrow({
      where: { openForMemberId: bo.memberId },
    });
    expect(reopened.interviewTypes).toEqual(['behavioural']);
    expect(reopened.availability).toMatchObject({ now: { now: true } });

    // Ana reporting Bo as well does not flip the record.
    await press('U0ANA', noShow, String(checkIn.args.channel));
    await ctx.world.fake.waitForResponse((posted) =>
      JSON.stringify(posted.body).includes('already reported'),
    );
  });

  it('the no-show lowers Ana’s reliability in the next matching run', async () => {
    const ana = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0ANA' } });
    await ctx.app.slack.command('U0ANA', '/mock', 'behavioural 30min now');
    // The first run whose pool has Ana in it (Bo's rebooking may run its own just before).
    const reliabilityOf = (run: { input: unknown }) =>
      (run.input as { context?: { reliability?: Record<string, number> } }).context?.reliability ?? {};
    const runWithAna = async () =>
      (await ctx.world.db.matchRun.findMany({ orderBy: { createdAt: 'desc' } })).find(
        (run) => reliabilityOf(run)[ana.id] !== undefined,
      );
    await expect.poll(runWithAna).toBeDefined();
    const reliability = reliabilityOf((await runWithAna())!);
    // One miss against the 0.9 default, smoothed over three imaginary sessions: (0 + 2.7) / 4.
    expect(reliability[ana.id]).toBeCloseTo(0.675);
  });
});

describe('a pair agreeing a time', () => {
  let channel = '';

  it('Cy and Dee get proposals; Cy confirms, Dee picks another time, Cy confirms that: it is on', async () => {
    await ctx.app.slack.command('U0CY', '/mock', 'strategy senior both weekdays 18-21');
    await ctx.app.slack.command('U0DEE', '/mock', 'strategy senior both weekdays 18-21');
    const intro = await ctx.world.fake.waitForCall(
      'chat.postMessage',
      (call) => textOf(call).includes('Pick this time') && textOf(call).includes('U0CY'),
    );
    channel = String(intro.args.channel);
    const slots = buttonsIn(intro.args.blocks).filter((button) => button.action_id === 'session-pick-slot');
    expect(slots.length).toBeGreaterThanOrEqual(2);
    expect(textOf(intro)).toContain('<!date^');
    const proposed = await sessionOf('U0CY');
    expect(proposed.status).toBe('PROPOSED');
    const releaseJob = `session-${proposed.id}-v0-release`;
    expect(await ctx.app.queues.queue('session-release').getJob(releaseJob)).toBeDefined();

    await press('U0CY', slots[0]!, channel);
    await ctx.world.fake.waitForCall('chat.postMessage', (call) => textOf(call).includes('U0CY> confirmed'));
    await press('U0DEE', slots[1]!, channel);
    await ctx.world.fake.waitForCall('chat.postMessage', (call) => textOf(call).includes('suggested'));
    const moved = await sessionOf('U0CY');
    expect(moved.version).toBe(1);
    expect(moved.startsAt.getTime()).toBe(Number(slots[1]!.value.split('|')[2]));
    // The old proposal's release is gone; the new one's is queued.
    expect(await ctx.app.queues.queue('session-release').getJob(releaseJob)).toBeUndefined();
    expect(
      await ctx.app.queues.queue('session-release').getJob(`session-${moved.id}-v1-release`),
    ).toBeDefined();

    // A press on the first intro's stale button is refused, with a reason.
    await press('U0CY', slots[0]!, channel);
    await ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('changed since'));

    const updated = ctx.world.fake.callsTo('chat.update').at(-1)!;
    const confirm = buttonsIn(updated.args.blocks).find((button) => button.text.text === 'Confirm')!;
    await press('U0CY', confirm, channel);
    await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call).includes('It is on: *Strategy*'),
    );
    const confirmed = await sessionOf('U0CY');
    expect(confirmed.status).toBe('CONFIRMED');
    const reminder = await ctx.app.queues
      .queue('session-reminder')
      .getJob(`session-${confirmed.id}-v${confirmed.version}-reminder-86400s`);
    expect(reminder).toBeDefined();
    expect(reminder!.timestamp + reminder!.opts.delay!).toBeCloseTo(
      confirmed.startsAt.getTime() - 86_400_000,
      -4,
    );
    const invite = await ctx.world.fake.waitForCall(
      'files.completeUploadExternal',
      (call) => call.args.channel_id === channel,
    );
    expect(invite).toBeDefined();
  });

  it('“pick another time” takes the reminders away and goes back to choosing', async () => {
    const confirmed = await sessionOf('U0CY');
    const reminderId = `session-${confirmed.id}-v${confirmed.version}-reminder-86400s`;
    const update = ctx.world.fake.callsTo('chat.update').at(-1)!;
    const reschedule = buttonsIn(update.args.blocks).find(
      (button) => button.action_id === 'session-reschedule',
    )!;
    await press('U0DEE', reschedule, channel);
    await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call).includes('needs another time'),
    );
    expect((await sessionOf('U0CY')).status).toBe('PROPOSED');
    expect(await ctx.app.queues.queue('session-reminder').getJob(reminderId)).toBeUndefined();
  });

  it('cancelling tells the partner, clears the jobs and puts the partner back in the pool with priority', async () => {
    const before = await sessionOf('U0CY');
    const update = ctx.world.fake.callsTo('chat.update').at(-1)!;
    const cancel = buttonsIn(update.args.blocks).find((button) => button.action_id === 'session-cancel')!;
    await press('U0CY', cancel, channel);
    await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call).includes('cancelled this session'),
    );
    const after = await sessionOf('U0CY');
    expect(after.status).toBe('CANCELLED');
    expect(
      await ctx.app.queues.queue('session-release').getJob(`session-${before.id}-v${before.version}-release`),
    ).toBeUndefined();
    const dee = after.participants.find((p) => p.member.slackUserId === 'U0DEE')!;
    const reopened = await ctx.world.db.partnerRequest.findFirstOrThrow({
      where: { openForMemberId: dee.memberId },
    });
    expect(reopened.priority).toBe(true);
    const cy = after.participants.find((p) => p.member.slackUserId === 'U0CY')!;
    expect(await ctx.world.db.partnerRequest.count({ where: { openForMemberId: cy.memberId } })).toBe(0);
  });
});
