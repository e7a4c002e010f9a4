import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import type { RubricFile } from '../../src/domain/question-bank/rubric-schema.ts';
import type { Json } from '../harness/fake-slack.ts';
import { dmsTo } from '../harness/slack-messages.ts';
import { useTestApp } from '../harness/use-test-app.ts';
import { blockKitProblems } from './block-kit-limits.ts';
import { createSession, feedbackState } from './feedback-fixtures.ts';

/**
 * Dee only interviews, Eve is only interviewed: one round. Dee writes the rubric about Eve; Eve
 * rates Dee as an interviewer, privately. Nobody gets "feedback on your interview" for an
 * interview that never happened, and Dee never sees Eve's rating.
 */
const ctx = useTestApp();
const HOUR = 3600_000;

let rubric: RubricFile;
beforeAll(async () => {
  rubric = (await loadBank()).rubrics.find((each) => each.type === 'execution')!;
  for (const user of ['U0DEE', 'U0EVE']) ctx.world.fake.setUser(user, { tz: 'Europe/London' });
});

type ModalView = { callback_id: string; private_metadata: string; blocks: Json[] };

async function press(user: string, actionId: string, sessionId: string): Promise<ModalView> {
  const before = ctx.world.fake.callsTo('views.open').length;
  const reply = await ctx.app.slack.blockAction(user, { actionId, value: sessionId, channelId: 'G0ONEWAY' });
  expect(reply.status).toBe(200);
  const calls = await ctx.world.fake.waitForCalls('views.open', before + 1);
  const view = calls[before]!.args.view as unknown as ModalView;
  expect(blockKitProblems(view)).toEqual([]);
  return view;
}

const dmsOf = (user: string) => dmsTo(ctx.world.fake, user);

const ratingState = (question: string | null, feedback: string | null) => ({
  values: {
    'question-quality': {
      value: { type: 'radio_buttons', selected_option: question ? { value: question } : null },
    },
    'feedback-quality': {
      value: { type: 'radio_buttons', selected_option: feedback ? { value: feedback } : null },
    },
  },
});

describe('feedback after a one-way session', () => {
  let sessionId = '';

  it('“Give feedback” opens the rubric for the interviewer and “rate your interviewer” for the interviewee', async () => {
    ({ id: sessionId } = await createSession(ctx.world.db, {
      users: ['U0DEE', 'U0EVE'],
      interviewType: 'execution',
      startsAt: new Date(Date.now() - HOUR),
      roles: ['INTERVIEWER', 'INTERVIEWEE'],
      channelId: 'G0ONEWAY',
    }));
    const deeView = await press('U0DEE', 'feedback-open', sessionId);
    expect(deeView.callback_id).toBe('feedback');
    expect(JSON.stringify(deeView.blocks)).toContain('<@U0EVE>');

    const eveView = await press('U0EVE', 'feedback-open', sessionId);
    expect(eveView.callback_id).toBe('interviewer-rating');
    expect(JSON.stringify(eveView.blocks)).toContain('never shown to them');
  });

  it('Home lists feedback to give for Dee, and none for Eve, who has no rubric to write', async () => {
    const homeOf = async (user: string) => {
      const before = ctx.world.fake.callsTo('views.publish').length;
      await ctx.app.slack.event({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
      const call = await ctx.world.fake.waitForCall(
        'views.publish',
        (each) =>
          each.args.user_id === user && ctx.world.fake.callsTo('views.publish').indexOf(each) >= before,
        10_000,
      );
      return JSON.stringify(call.args.view);
    };
    expect(await homeOf('U0DEE')).toContain('Feedback to give');
    expect(await homeOf('U0EVE')).not.toContain('Feedback to give');
  });

  it('Eve cannot file rubric feedback about an interview Dee never gave', async () => {
    const deeView = await press('U0DEE', 'feedback-open', sessionId);
    const forged = await ctx.app.slack.viewSubmission('U0EVE', {
      callback_id: 'feedback',
      private_metadata: deeView.private_metadata,
      state: feedbackState(rubric.dimensions, {
        ratings: Object.fromEntries(rubric.dimensions.map((dimension) => [dimension.id, '2'])),
        signal: 'NO',
        strengths: 'Asked clear questions.',
        improvement: 'Nothing, really.',
      }),
    });
    expect(JSON.stringify(forged.json)).toContain('you were the one interviewed');
    expect(await ctx.world.db.feedback.count({ where: { sessionId } })).toBe(0);
  });

  it('Eve’s rating is checked inline, saved privately, and can be corrected', async () => {
    const view = await press('U0EVE', 'interviewer-rating-open', sessionId);
    const missing = await ctx.app.slack.viewSubmission('U0EVE', {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: ratingState('3', null),
    });
    expect(missing.json).toMatchObject({
      response_action: 'errors',
      errors: { 'feedback-quality': 'Pick one.' },
    });
    for (const feedback of ['2', '4']) {
      const saved = await ctx.app.slack.viewSubmission('U0EVE', {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: ratingState('3', feedback),
      });
      expect(JSON.stringify(saved.json)).toContain('Only Mockingbird sees this');
    }
    const ratings = await ctx.world.db.interviewerRating.findMany({ where: { sessionId } });
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ questionQuality: 3, feedbackQuality: 4 });
    // Dee interviewed and was not interviewed: nobody for Dee to rate.
    await ctx.app.slack.blockAction('U0DEE', {
      actionId: 'interviewer-rating-open',
      value: sessionId,
      channelId: 'G0ONEWAY',
    });
    await ctx.world.fake.waitForResponse((posted) =>
      JSON.stringify(posted.body).includes('no interviewer of yours'),
    );
  });

  it('Dee’s feedback alone completes the session: Eve gets it at once, Dee gets thanks and nothing about “your interview”', async () => {
    const view = await press('U0DEE', 'feedback-open', sessionId);
    const reply = await ctx.app.slack.viewSubmission('U0DEE', {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: feedbackState(rubric.dimensions, {
        ratings: Object.fromEntries(rubric.dimensions.map((dimension) => [dimension.id, '3'])),
        signal: 'YES',
        strengths: 'You sized the drop before guessing at causes.',
        improvement: 'Say which metric you would check first, and why.',
      }),
    });
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(reply.json)).toContain('both given feedback');
    await expect
      .poll(() => dmsOf('U0EVE').some((call) => JSON.stringify(call.args).includes('sized the drop')))
      .toBe(true);
    await expect.poll(() => dmsOf('U0DEE').length).toBeGreaterThan(0);
    for (const call of dmsOf('U0DEE')) {
      const text = JSON.stringify(call.args);
      expect(text).not.toContain('sized the drop');
      // The delivery of received feedback reads "…: feedback from <@…> on your … mock interview".
      expect(text).not.toMatch(/Feedback on your|feedback from/);
      // Eve's private rating never reaches Dee.
      expect(text).not.toMatch(/rated you|question quality/i);
    }
  });

  it('Dee can still fix a typo for half an hour after Eve was shown it: Eve’s copy is redrawn, marked edited', async () => {
    const view = await press('U0DEE', 'feedback-open', sessionId);
    expect(view.callback_id).toBe('feedback');
    // The form comes back with what Dee sent, to correct rather than retype.
    expect(JSON.stringify(view.blocks)).toContain('You sized the drop before guessing at causes.');
    const reply = await ctx.app.slack.viewSubmission('U0DEE', {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: feedbackState(rubric.dimensions, {
        ratings: Object.fromEntries(rubric.dimensions.map((dimension) => [dimension.id, '3'])),
        signal: 'YES',
        strengths: 'You sized the drop before guessing at its causes.',
        improvement: 'Say which metric you would check first, and why.',
      }),
    });
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(reply.json)).toContain('marked as edited');
    const redrawn = await ctx.world.fake.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('guessing at its causes'),
    );
    expect(JSON.stringify(redrawn.args)).toContain('_Edited by <@U0DEE>');
    // Redrawn in place: still one delivery in Eve's DM.
    expect(
      dmsOf('U0EVE').filter((call) => JSON.stringify(call.args).includes('sized the drop')),
    ).toHaveLength(1);
    const stored = await ctx.world.db.feedback.findFirstOrThrow({ where: { sessionId } });
    expect(stored.editedAt).not.toBeNull();
  });
});
