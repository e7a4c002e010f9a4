import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../harness/fake-slack/types.ts';
import { REDIS_URL, TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * After `/mock forget-me`, nothing in PostgreSQL or Redis names the member: not the organizer
 * settings they saved, not a session they once cancelled, not a matching run's input, not a
 * delivery record of a message to them or to their DM channel, not a job.
 */
const ctx = useTestApp();

beforeAll(() => {
  for (const user of ['U0ANA', 'U0BO']) ctx.world.fake.setUser(user, { tz: 'Europe/Madrid' });
});

const memberOf = (slackUserId: string) =>
  ctx.world.db.member.findFirstOrThrow({ where: { slackUserId, workspace: { slackTeamId: TEST_TEAM_ID } } });

/** Every key under the test's queue prefix whose name or job data mentions one of `needles`. */
async function redisMentions(needles: string[]): Promise<string[]> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const found: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${ctx.app.config.queuePrefix}:*`,
        'COUNT',
        1000,
      );
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        if (needles.some((needle) => key.includes(needle))) found.push(key);
        else if (type === 'hash') {
          const data = (await redis.hget(key, 'data')) ?? '';
          if (needles.some((needle) => data.includes(needle))) found.push(`${key} (data)`);
        } else if (type === 'stream') {
          const entries = JSON.stringify(await redis.xrange(key, '-', '+'));
          if (needles.some((needle) => entries.includes(needle))) found.push(`${key} (stream)`);
        }
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return found;
}

describe('what is left of a member after /mock forget-me', () => {
  it('nothing in PostgreSQL or Redis names them', async () => {
    // A match (a matching run with Ana in its input), then Ana cancels the session.
    await ctx.app.slack.command('U0ANA', '/mock', 'execution senior both weekdays 18-21');
    await ctx.app.slack.command('U0BO', '/mock', 'execution senior both weekdays 18-21');
    await expect.poll(() => ctx.world.db.session.count(), { timeout: 10_000 }).toBe(1);
    const ana = await memberOf('U0ANA');
    const bo = await memberOf('U0BO');
    await ctx.app.slack.command('U0ANA', '/mock', 'cancel');
    await expect
      .poll(() => ctx.world.db.session.count({ where: { cancelledById: ana.id } }), { timeout: 10_000 })
      .toBe(1);
    expect(await ctx.world.db.matchRun.count()).toBeGreaterThan(0);

    // Ana saved the daily question's settings; messages went to her DM and to Bo's.
    await ctx.world.db.dailyQuestionSettings.create({
      data: {
        workspaceId: ana.workspaceId,
        enabled: false,
        channelId: 'C0DAILY',
        localTime: '09:00',
        timezone: 'Europe/Madrid',
        weekdays: ['mon'],
        interviewTypes: ['execution'],
        activeSince: new Date(),
        updatedBySlackUserId: 'U0ANA',
      },
    });
    const [anaRequest, boRequest] = await Promise.all(
      [ana, bo].map((member) =>
        ctx.world.db.partnerRequest.findFirstOrThrow({ where: { memberId: member.id } }),
      ),
    );
    await ctx.world.db.sentMessage.createMany({
      data: [
        { key: `request-${anaRequest!.id}-expired`, channelId: 'D0ANA', ts: '1.1' },
        { key: `member-${ana.id}-weekly-2026-W49`, channelId: 'D0ANA', ts: '1.2' },
        { key: 'daily-something-else', channelId: 'D0ANA', ts: '1.3' },
        { key: `request-${boRequest!.id}-expired`, channelId: 'D0BO', ts: '1.4' },
      ],
    });
    // Jobs of Ana's own, waiting in Redis.
    await ctx.app.queues.enqueue('publish-home', { memberId: ana.id }, { delayMs: 3600_000 });
    await ctx.app.queues.enqueue(
      'refresh-member-profile',
      { slackTeamId: TEST_TEAM_ID, slackUserId: 'U0ANA' },
      { delayMs: 3600_000 },
    );
    expect((await redisMentions([ana.id, 'U0ANA'])).length).toBeGreaterThan(0);

    const ask = await ctx.app.slack.command('U0ANA', '/mock', 'forget-me');
    const button = ((ask.json!.blocks as Json[])[1]!.elements as Json[])[0]!;
    await ctx.app.slack.blockAction('U0ANA', {
      actionId: String(button.action_id),
      value: String(button.value),
    });
    await ctx.world.fake.waitForResponse((posted) => JSON.stringify(posted.body).includes('is erased'));

    const db = ctx.world.db;
    expect(await db.member.count({ where: { id: ana.id } })).toBe(0);
    expect(await db.dailyQuestionSettings.count({ where: { updatedBySlackUserId: 'U0ANA' } })).toBe(0);
    expect(await db.session.count({ where: { cancelledById: ana.id } })).toBe(0);
    for (const run of await db.matchRun.findMany()) expect(JSON.stringify(run.input)).not.toContain(ana.id);
    const sent = await db.sentMessage.findMany();
    // Her request's, her weekly entry's and anything else in her DM are gone; Bo's DM and the
    // pair's group DM (shared with Bo) stay.
    expect(sent.filter((row) => row.channelId === 'D0ANA')).toEqual([]);
    expect(sent.map((row) => row.key)).toContain(`request-${boRequest!.id}-expired`);
    for (const row of sent) expect(row.key).not.toContain(ana.id);
    expect(sent.map((row) => row.key)).not.toContain(`request-${anaRequest!.id}-expired`);
    const outbox = await db.outboxEntry.findMany();
    for (const row of outbox) expect(JSON.stringify([row.jobId, row.payload])).not.toMatch(/U0ANA/);
    for (const row of outbox)
      expect(JSON.stringify([row.jobName, row.jobId, row.payload])).not.toContain(ana.id);
    // Bo is still there, with his own records.
    expect(await db.member.count({ where: { id: bo.id } })).toBe(1);

    // Jobs relayed from the outbox after the erase would show up a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await redisMentions([ana.id, 'U0ANA'])).toEqual([]);
  });
});
