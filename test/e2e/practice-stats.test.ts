import { expect, it } from 'vitest';
import { seedConfirmedSessions } from '../harness/confirmed-sessions.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();
const DAY = 86_400_000;

it('/mock stats answers privately: none yet, then sessions, streak and types', async () => {
  ctx.world.fake.setUser('U0ANA', { tz: 'Europe/London' });
  await ctx.app.slack.command('U0ANA', '/mock', 'stats');
  const empty = await ctx.world.fake.waitForResponse((posted) =>
    JSON.stringify(posted.body).includes('No sessions yet'),
  );
  expect(empty.body).toMatchObject({ response_type: 'ephemeral' });

  // Three behavioural sessions a week apart, the last one Bo reported Ana absent from.
  const sessions = await seedConfirmedSessions(ctx.world.db, {
    startTimes: [Date.now() - 1 * DAY, Date.now() - 8 * DAY, Date.now() - 15 * DAY],
    tag: 'STATS',
  });
  await ctx.world.db.session.updateMany({
    where: { id: { in: sessions.map((s) => s.id) } },
    data: { status: 'COMPLETED' },
  });
  const ana = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0ANA' } });
  await ctx.world.db.sessionParticipant.updateMany({
    where: { sessionId: sessions[2]!.id, memberId: ana.id },
    data: { noShow: true },
  });

  await ctx.app.slack.command('U0ANA', '/mock', 'stats');
  const stats = await ctx.world.fake.waitForResponse((posted) =>
    JSON.stringify(posted.body).includes('Weekly streak'),
  );
  const text = JSON.stringify(stats.body);
  expect(text).toContain('*Sessions:* 2 (plus 1 you were reported absent from)');
  expect(text).toContain('Behavioural 2');
});
