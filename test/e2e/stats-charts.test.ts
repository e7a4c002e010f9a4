import { loadImage } from '@napi-rs/canvas';
import { beforeAll, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import type { RecordedUpload } from '../../src/sandbox/slack-stand-in/types.ts';
import { useTestApp } from '../harness/use-test-app.ts';
import { createSession } from './feedback-fixtures.ts';

const ctx = useTestApp();
const DAY = 24 * 3600 * 1000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(() => {
  ctx.world.fake.setUser('U0NEW', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0ANA', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0VET', { tz: 'Europe/London', is_admin: true });
});

/**
 * Three behavioural sessions a week apart for `member`, each with the partner's feedback revealed:
 * the first rubric dimension climbs 1, 2, 3, the rest stay at 3. `noShowFirst`: in the oldest
 * session the partner was reported absent (the organizers' chart counts it).
 */
async function seedFeedback(member: string, partner: string, options: { noShowFirst?: boolean } = {}) {
  const behavioural = (await loadBank()).rubrics.find((rubric) => rubric.type === 'behavioural')!;
  for (const [index, daysAgo] of [15, 8, 1].entries()) {
    const startsAt = new Date(Date.now() - daysAgo * DAY);
    const session = await createSession(ctx.world.db, {
      users: [member, partner],
      interviewType: 'behavioural',
      startsAt,
      ...(options.noShowFirst && index === 0 ? { noShow: partner } : {}),
    });
    const [recipientId, authorId] = session.memberIds;
    await ctx.world.db.feedback.create({
      data: {
        sessionId: session.id,
        authorId,
        recipientId,
        ratings: Object.fromEntries(
          behavioural.dimensions.map((dimension, position) => [dimension.id, position === 0 ? index + 1 : 3]),
        ),
        selfRatings: {},
        hireSignal: 'YES',
        strengths: 'Clear structure.',
        improvement: 'Quantify the result.',
        submittedAt: startsAt,
        revealedAt: startsAt,
      },
    });
  }
  return behavioural;
}

/** Runs `/mock stats` as `user`, returns the text answer and waits for the chart job to finish. */
async function mockStats(user: string): Promise<string> {
  const answered = ctx.world.fake.responses.length;
  await ctx.app.slack.command(user, '/mock', 'stats');
  const answer = await ctx.world.fake.waitForResponse(
    (response) => ctx.world.fake.responses.indexOf(response) >= answered,
  );
  const member = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: user } });
  const entry = await ctx.world.db.outboxEntry.findFirstOrThrow({
    where: { jobName: 'stats-charts', payload: { path: ['memberId'], equals: member.id } },
    orderBy: { id: 'desc' },
  });
  // Completed, not merely gone: a job that threw would sit in `failed` or wait for a retry.
  await expect
    .poll(() => ctx.app.queues.queue('stats-charts').getJobState(entry.jobId), { timeout: 30_000 })
    .toBe('completed');
  return JSON.stringify(answer.body);
}

function uploadsTo(user: string): RecordedUpload[] {
  const dm = ctx.world.fake.openConversation([user]);
  return ctx.world.fake.uploads.filter((upload) => upload.completed && upload.channelId === dm);
}

async function expectChartPng(upload: RecordedUpload) {
  expect(upload.bytes!.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const image = await loadImage(upload.bytes!);
  expect(image.width).toBeGreaterThan(600);
  expect(image.height).toBeGreaterThan(300);
}

it('a member without feedback gets the text, which says why, and no chart', async () => {
  const text = await mockStats('U0NEW');
  expect(text).toContain('No sessions yet');
  expect(text).toContain('charts of your feedback');
  expect(uploadsTo('U0NEW')).toEqual([]);
});

it('a member with feedback gets a trend chart per rubric dimension in their DM, with alt text', async () => {
  const rubric = await seedFeedback('U0ANA', 'U0BO');
  const text = await mockStats('U0ANA');
  expect(text).toContain('*Sessions:* 3');
  expect(text).toContain('Charts of them are on their way to your DM');

  const uploads = uploadsTo('U0ANA');
  expect(uploads.map((upload) => upload.filename)).toEqual(['feedback-trend-behavioural.png']);
  const [trend] = uploads;
  await expectChartPng(trend!);
  const first = rubric.dimensions[0]!.label;
  expect(trend!.altText).toContain(
    'Line chart of your Behavioural feedback, your last 3 sessions with feedback',
  );
  expect(trend!.altText).toContain(`${first}: 1, 2, 3 (rising).`);
  expect(trend!.altText).toContain(`${rubric.dimensions[1]!.label}: 3, 3, 3 (steady).`);
  expect(trend!.initialComment).toContain(`${first} rising`);
});

it('an organizer also gets the community’s sessions per week; a member never does', async () => {
  await seedFeedback('U0VET', 'U0PAR', { noShowFirst: true });
  await mockStats('U0VET');

  const uploads = uploadsTo('U0VET');
  expect(uploads.map((upload) => upload.filename).sort()).toEqual([
    'feedback-trend-behavioural.png',
    'weekly-activity.png',
  ]);
  const activity = uploads.find((upload) => upload.filename === 'weekly-activity.png')!;
  await expectChartPng(activity);
  // Ana's three sessions and the organizer's three, one of which the partner missed.
  expect(activity.altText).toContain('the last 8 weeks: 5 held and 1 with a no-show in all.');
  expect(activity.initialComment).toContain('Only organizers get this chart.');

  expect(ctx.world.fake.uploads.filter((upload) => upload.filename === 'weekly-activity.png')).toHaveLength(
    1,
  );
});
