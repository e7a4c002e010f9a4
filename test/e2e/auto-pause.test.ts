import { describe, expect, it } from 'vitest';
import { seedConfirmedSessions } from '../harness/confirmed-sessions.ts';
import type { Json } from '../harness/fake-slack/types.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();
const HOUR = 3_600_000;

/** Three sessions in the past that Ana let lapse (released without her confirmation), Bo did not. */
async function seedLapses(count: number) {
  const sessions = await seedConfirmedSessions(ctx.world.db, {
    startTimes: Array.from({ length: count }, (_, i) => Date.now() - (i + 1) * 24 * HOUR),
    tag: 'LAPSE',
  });
  const ana = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0ANA' } });
  for (const session of sessions) {
    await ctx.world.db.session.update({ where: { id: session.id }, data: { status: 'RELEASED' } });
    await ctx.world.db.sessionParticipant.updateMany({
      where: { sessionId: session.id, memberId: ana.id },
      data: { confirmedAt: null },
    });
  }
  return { ana, sessions };
}

describe('members who let sessions lapse', () => {
  it('three lapses in a row pause Ana, with a DM that brings her back in one click', async () => {
    const { ana, sessions } = await seedLapses(3);
    await ctx.app.queues.enqueue('member-lapse-check', { memberId: ana.id, sessionId: sessions[0]!.id });
    const dm = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      JSON.stringify(call.args).includes('paused your matching'),
    );
    expect(dm.args.channel).toBe('U0ANA');
    await expect
      .poll(async () => (await ctx.world.db.member.findUniqueOrThrow({ where: { id: ana.id } })).pausedAt)
      .not.toBeNull();
    // Bo confirmed every time: he is not touched.
    const bo = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0BO' } });
    expect(bo.pausedAt).toBeNull();

    const button = ((dm.args.blocks as Json[])[1]!.elements as Json[])[0]!;
    await ctx.app.slack.blockAction('U0ANA', {
      actionId: String(button.action_id),
      value: String(button.value),
    });
    await ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('Welcome back'));
    expect((await ctx.world.db.member.findUniqueOrThrow({ where: { id: ana.id } })).pausedAt).toBeNull();
  });

  it('a kept session breaks the run: no pause', async () => {
    const bo = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0BO' } });
    const session = await ctx.world.db.session.findFirstOrThrow({ orderBy: { startsAt: 'desc' } });
    const before = ctx.world.fake.callsTo('chat.postMessage').length;
    await ctx.app.queues.enqueue('member-lapse-check', { memberId: bo.id, sessionId: session.id });
    await expect
      .poll(
        async () => (await ctx.app.queues.queue('member-lapse-check').getJobCounts('completed')).completed,
      )
      .toBe(2);
    expect(ctx.world.fake.callsTo('chat.postMessage').length).toBe(before);
    expect((await ctx.world.db.member.findUniqueOrThrow({ where: { id: bo.id } })).pausedAt).toBeNull();
  });
});
