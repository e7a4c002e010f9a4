import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import type { RubricFile } from '../../src/domain/question-bank/rubric-schema.ts';
import type { RecordedCall } from '../harness/fake-slack/types.ts';
import type { Json } from '../harness/fake-slack.ts';
import { useTestApp } from '../harness/use-test-app.ts';
import { blockKitProblems } from './block-kit-limits.ts';
import { createSession, memberFor } from './feedback-fixtures.ts';

const ctx = useTestApp();

const DAY = 24 * 3600 * 1000;
const TYPES = ['product-sense', 'execution', 'behavioural'] as const;
const PARTNERS = Array.from({ length: 10 }, (_, index) => `U0PAR${index}`);

let rubrics: Map<string, RubricFile>;
beforeAll(async () => {
  rubrics = new Map((await loadBank()).rubrics.map((rubric) => [rubric.type, rubric]));
  ctx.world.fake.setUser('U0NEW', { tz: 'America/New_York' });
  ctx.world.fake.setUser('U0VET', { tz: 'Europe/Berlin', is_admin: true });
  for (const user of PARTNERS) ctx.world.fake.setUser(user, { tz: 'Asia/Kolkata' });
});

type PublishedView = { type: string; blocks: Json[] };

/** Opens the Home tab as `user` and returns the view the app published for them. */
async function openHome(user: string): Promise<PublishedView> {
  const before = ctx.world.fake.callsTo('views.publish').length;
  const reply = await ctx.app.slack.event({
    type: 'app_home_opened',
    user,
    channel: `D${user}`,
    tab: 'home',
  });
  expect(reply.status).toBe(200);
  const call = await ctx.world.fake.waitForCall(
    'views.publish',
    (each) => each.args.user_id === user && ctx.world.fake.callsTo('views.publish').indexOf(each) >= before,
    10_000,
  );
  return call.args.view as unknown as PublishedView;
}

const textOf = (view: PublishedView) => JSON.stringify(view.blocks);

function buttonIds(view: PublishedView): string[] {
  const ids: string[] = [];
  for (const block of view.blocks) {
    const accessory = block.accessory as Json | undefined;
    if (accessory?.type === 'button') ids.push(String(accessory.action_id));
    for (const element of (block.elements ?? []) as Json[]) {
      if (element.type === 'button') ids.push(String(element.action_id));
    }
  }
  return ids;
}

describe('App Home for a new member', () => {
  it('shows the profile, the common actions and an invitation to practise, within Slack’s limits', async () => {
    const view = await openHome('U0NEW');
    expect(view.type).toBe('home');
    expect(blockKitProblems(view)).toEqual([]);
    expect(buttonIds(view)).toEqual(expect.arrayContaining(['home-find-partner', 'home-edit-profile']));
    const text = textOf(view);
    expect(text).toContain('America/New York');
    expect(text).toContain('No open request');
    expect(text).toContain('No sessions yet');
    expect(text).not.toContain('Community (organizers only)');
  });

  it('“Find a partner” and “Edit profile” open the same modals as /mock and /mock profile', async () => {
    const home = { type: 'home' as const, id: 'V0HOMENEW' };
    const opened = ctx.world.fake.callsTo('views.open').length;
    await ctx.app.slack.blockAction('U0NEW', { actionId: 'home-find-partner', view: home });
    const [request] = (await ctx.world.fake.waitForCalls('views.open', opened + 1)).slice(opened);
    expect((request!.args.view as Json).callback_id).toBe('partner-request');

    await ctx.app.slack.blockAction('U0NEW', { actionId: 'home-edit-profile', view: home });
    const [profile] = (await ctx.world.fake.waitForCalls('views.open', opened + 2)).slice(opened + 1);
    expect((profile!.args.view as Json).callback_id).toBe('profile');
  });

  it('is redrawn after the member asks for a partner, with the open request on it', async () => {
    await ctx.app.slack.command('U0NEW', '/mock', 'execution senior both weekdays 18-21');
    const refreshed = await ctx.world.fake.waitForCall(
      'views.publish',
      (call: RecordedCall) =>
        call.args.user_id === 'U0NEW' && JSON.stringify(call.args.view).includes('Your open request'),
      10_000,
    );
    expect(JSON.stringify(refreshed.args.view)).toContain('Execution');
  });
});

describe('App Home for a member with 50 past sessions', () => {
  beforeAll(async () => {
    const now = Date.now();
    // One session a week for fifty weeks, the latest yesterday, rotating types and partners.
    for (let week = 49; week >= 0; week--) {
      const interviewType = TYPES[week % TYPES.length]!;
      const partner = PARTNERS[week % PARTNERS.length]!;
      const startsAt = new Date(now - week * 7 * DAY - DAY);
      const session = await createSession(ctx.world.db, {
        users: ['U0VET', partner],
        interviewType,
        startsAt,
      });
      const [vet, other] = session.memberIds;
      const dimensions = rubrics.get(interviewType)!.dimensions;
      // Scores climb over the year on the first dimension; the rest hover around 2-3.
      const score = (index: number) =>
        index === 0 ? Math.min(4, 1 + Math.floor((49 - week) / 15)) : 2 + ((week + index) % 2);
      const base = { sessionId: session.id, hireSignal: 'YES' as const, submittedAt: startsAt };
      if (week === 0) {
        // Yesterday: the partner has written theirs (not yet revealed); the veteran has not.
        await ctx.world.db.feedback.create({
          data: {
            ...base,
            authorId: other,
            recipientId: vet,
            ratings: Object.fromEntries(dimensions.map((dimension, index) => [dimension.id, score(index)])),
            selfRatings: {},
            strengths: 'UNREVEALED-STRENGTHS',
            improvement: 'UNREVEALED-IMPROVEMENT',
          },
        });
        continue;
      }
      await ctx.world.db.feedback.createMany({
        data: [
          {
            ...base,
            authorId: other,
            recipientId: vet,
            ratings: Object.fromEntries(dimensions.map((dimension, index) => [dimension.id, score(index)])),
            selfRatings: { [dimensions[0]!.id]: 4 },
            strengths: `Week ${week}: ${'a clear structure and good pacing. '.repeat(20)}`,
            improvement: `Week ${week}: quantify the result.`,
            revealedAt: startsAt,
          },
          {
            ...base,
            authorId: vet,
            recipientId: other,
            ratings: Object.fromEntries(dimensions.map((dimension) => [dimension.id, 3])),
            selfRatings: Object.fromEntries(dimensions.map((dimension) => [dimension.id, 4])),
            strengths: 'Good questions.',
            improvement: 'Slow down.',
            organizerNote: week === 1 ? 'VET-NOTE: partner joined ten minutes late again.' : null,
            revealedAt: startsAt,
          },
        ],
      });
    }
    // Two sessions ahead, and an open request.
    for (const days of [2, 9]) {
      await createSession(ctx.world.db, {
        users: ['U0VET', PARTNERS[days % PARTNERS.length]!],
        interviewType: 'strategy',
        startsAt: new Date(now + days * DAY),
        status: 'CONFIRMED',
      });
    }
    const vet = await memberFor(ctx.world.db, 'U0VET');
    await ctx.world.db.partnerRequest.create({
      data: {
        workspaceId: vet.workspaceId,
        memberId: vet.id,
        openForMemberId: vet.id,
        interviewTypes: ['technical'],
        level: 'STAFF',
        role: 'INTERVIEWEE',
        durationMinutes: 60,
        availability: { weekly: [{ days: ['sat'], start: '09:00', end: '12:00' }], slots: [] },
        timezone: 'Europe/Berlin',
        expiresAt: new Date(now + 5 * DAY),
      },
    });
  });

  it('summarises a long history within 100 blocks and Slack’s text limits', async () => {
    const view = await openHome('U0VET');
    expect(blockKitProblems(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(60);
    const text = textOf(view);
    expect(text).toContain('Your open request');
    expect(text).toContain('Upcoming sessions');
    expect(text).toMatch(/<!date\^\d+\^\{date_short_pretty\} at \{time\}\|/);
    expect(text).toContain('50 sessions in all');
    expect(text).toContain('50-week streak');
  });

  it('shows averages per rubric dimension with a bar and a trend, and the self-rating gap', async () => {
    const view = await openHome('U0VET');
    const text = textOf(view);
    const first = rubrics.get('product-sense')!.dimensions[0]!;
    expect(text).toContain(first.label);
    expect(text).toMatch(/▰+▱*/);
    expect(text).toContain('↗');
    expect(text).toContain('How you see yourself vs. how partners see you');
    expect(text).toContain('Focus next');
    expect(text).toContain('Latest feedback for you');
  });

  it('offers feedback to give for yesterday’s session, and shows nothing of feedback not yet revealed', async () => {
    const view = await openHome('U0VET');
    expect(buttonIds(view)).toContain('feedback-open');
    expect(textOf(view)).toContain('Feedback to give');
    expect(textOf(view)).not.toContain('UNREVEALED');
  });

  it('gives an organizer the community section, aggregated and without authors', async () => {
    const view = await openHome('U0VET');
    const start = view.blocks.findIndex((block) =>
      JSON.stringify(block).includes('Community (organizers only)'),
    );
    expect(start).toBeGreaterThan(0);
    const community = JSON.stringify(view.blocks.slice(start));
    expect(community).toContain('Members');
    expect(community).toContain('Sessions this week');
    expect(community).toContain('Match rate');
    expect(community).toContain('No-show rate');
    expect(community).toContain('Daily questions');
    expect(community).toContain('VET-NOTE');
    expect(community).not.toContain('<@');
  });

  it('a partner who is not an organizer sees their own tab only', async () => {
    const view = await openHome('U0PAR1');
    expect(blockKitProblems(view)).toEqual([]);
    const text = textOf(view);
    expect(text).not.toContain('Community (organizers only)');
    expect(text).not.toContain('VET-NOTE');
    expect(text).toContain('Latest feedback for you');
  });
});
