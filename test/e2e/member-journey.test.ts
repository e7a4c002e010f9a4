import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../harness/fake-slack.ts';
import { buttonsIn, textOf } from '../harness/slack-messages.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * A new community as it lives: Ana in New York only wants to interview, Bo in Berlin only wants
 * to be interviewed. Their session is one round, says so everywhere, shows each other's notes and
 * Ana's room without breaking Slack's link syntax; when they do not meet after all, "We
 * rescheduled" puts them back in the pool instead of counting the session as done.
 */
const ctx = useTestApp({
  env: {
    SESSION_NOW_LEAD_SECONDS: '1',
    // "How did it go?" right after the start, so the check-in comes within the test.
    SESSION_CHECK_IN_AFTER_END_SECONDS: String(-(60 * 60 - 2)),
  },
});

beforeAll(() => {
  ctx.world.fake.setUser('U0ANA', { tz: 'America/New_York' });
  ctx.world.fake.setUser('U0BO', { tz: 'Europe/Berlin' });
  ctx.world.fake.setUser('U0CY', { tz: 'Europe/London' });
});

const responseIncluding = (text: string) =>
  ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes(text));

/** Every `<…>` token in mrkdwn must close before another opens: Slack's tokens do not nest. */
function nestedTokens(text: string): string[] {
  return [...text.matchAll(/<[^<>]*</g)].map((match) => match[0]);
}

describe('a one-way pair across the Atlantic', () => {
  let channel = '';

  it('the intro says one round, names no swap, shows both notes and Ana’s room as a clean link', async () => {
    await ctx.app.slack.command('U0ANA', '/mock', 'execution senior interviewer 60min now');
    await responseIncluding('You are in the pool');
    const ana = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0ANA' } });
    // What the profile and request modals store (their own tests walk those forms).
    await ctx.world.db.member.update({
      where: { id: ana.id },
      data: { meetingLink: 'https://meet.example.com/ana?x=1&y=2' },
    });
    await ctx.world.db.partnerRequest.updateMany({
      where: { memberId: ana.id },
      data: { note: 'Happy to go deep on metrics <3 & trade-offs' },
    });
    await ctx.app.slack.command('U0BO', '/mock', 'execution senior interviewee 60min now');

    const intro = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call).includes('It is on'),
    );
    channel = String(intro.args.channel);
    const blocks = JSON.stringify(intro.args.blocks);
    expect(blocks).toContain('matched for an *Execution* mock interview');
    expect(blocks).toContain('*One round*\\n<@U0ANA> interviews <@U0BO>');
    expect(blocks).not.toMatch(/swap/i);
    // Ana's note, escaped: her "<3" must not open a Slack token.
    expect(blocks).toContain('<@U0ANA>: Happy to go deep on metrics &lt;3 &amp; trade-offs');
    expect(blocks).toContain("<@U0ANA>'s room: <https://meet.example.com/ana?x=1&y=2|join>");
    for (const block of intro.args.blocks as Json[]) expect(nestedTokens(JSON.stringify(block))).toEqual([]);

    const upload = await ctx.world.fake.waitForCall(
      'files.completeUploadExternal',
      (call) => call.args.channel_id === channel,
    );
    expect(upload).toBeDefined();
    const ics = ctx.world.fake.uploads
      .map((each) => each.bytes?.toString('utf8') ?? '')
      .join('')
      .replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('one round');
    expect(ics).not.toContain('Swap');
  });

  it('the reminder says who interviews whom, in hours and days, never thousands of minutes', async () => {
    const reminder = ctx.world.fake
      .callsTo('chat.postMessage')
      .find((call) => textOf(call).includes('Reminder'));
    // A "now" pair is reminded only by reminders still ahead of it; none may be, and that is fine.
    if (reminder) expect(textOf(reminder)).toContain('<@U0ANA> interviews <@U0BO>');
    for (const call of ctx.world.fake.callsTo('chat.postMessage'))
      expect(textOf(call)).not.toMatch(/\d{4} minutes/);
  });

  it('“We rescheduled” at the check-in: the session is not done, and both are back in the pool', async () => {
    const checkIn = await ctx.world.fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === channel && textOf(call).includes('how did your'),
      15_000,
    );
    const rescheduled = buttonsIn(checkIn.args.blocks).find(
      (button) => button.text.text === 'We rescheduled',
    )!;
    const reply = await ctx.app.slack.blockAction('U0BO', {
      actionId: rescheduled.action_id,
      value: rescheduled.value,
      channelId: channel,
    });
    expect(reply.status).toBe(200);
    await ctx.world.fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === channel && textOf(call).includes('does not count as done'),
    );
    const session = await ctx.world.db.session.findFirstOrThrow({ where: { channelId: channel } });
    expect(session.status).toBe('CANCELLED');
    // The intro is redrawn as off, in words: no struck-through "Session", no live buttons.
    const redrawn = ctx.world.fake
      .callsTo('chat.update')
      .filter((call) => call.args.channel === channel)
      .at(-1)!;
    expect(JSON.stringify(redrawn.args)).toContain('*This session is off:*');
    expect(JSON.stringify(redrawn.args)).not.toContain('~Session~');
    expect(buttonsIn(redrawn.args.blocks)).toEqual([]);
    expect(session.cancelledById).toBeNull();
    const participants = await ctx.world.db.sessionParticipant.findMany({ where: { sessionId: session.id } });
    expect(participants.every((p) => !p.lateCancel && !p.noShow)).toBe(true);
    for (const { memberId } of participants) {
      await expect
        .poll(() => ctx.world.db.partnerRequest.findFirst({ where: { openForMemberId: memberId } }))
        .toMatchObject({ priority: true });
    }
    // No "this session is already over" for either of them.
    for (const response of ctx.world.fake.responses)
      expect(JSON.stringify(response.body)).not.toContain('already over');
  });
});

describe('a typo never places a request', () => {
  it('`/mock questions` asks “did you mean /mock question?” and spells out the quick path', async () => {
    const reply = await ctx.app.slack.command('U0CY', '/mock', 'questions');
    const text = JSON.stringify(reply.json);
    expect(text).toContain('Did you mean `/mock question`?');
    expect(text).toContain('`/mock reverse-interview now`');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ctx.world.db.partnerRequest.count({ where: { member: { slackUserId: 'U0CY' } } })).toBe(0);
  });

  it('help lists the length word and every command', async () => {
    const reply = await ctx.app.slack.command('U0CY', '/mock', 'help');
    const text = JSON.stringify(reply.json);
    expect(text).toContain('[30min|45min|60min]');
    for (const command of [
      'status',
      'cancel',
      'pause',
      'resume',
      'question',
      'profile',
      'stats',
      'admin',
      'forget-me',
      'help',
    ])
      expect(String((reply.json as { text: string }).text)).toContain(`/mock ${command}`);
  });
});

it('responds with the quick path’s own confirmation for a real request (control for the typo case)', async () => {
  await ctx.app.slack.command('U0CY', '/mock', 'reverse-interview now');
  await responseIncluding('You are in the pool');
});
