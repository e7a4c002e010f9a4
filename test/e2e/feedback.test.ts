import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import type { RubricFile } from '../../src/domain/question-bank/rubric-schema.ts';
import type { RecordedCall } from '../harness/fake-slack/types.ts';
import type { Json } from '../harness/fake-slack.ts';
import { useTestApp } from '../harness/use-test-app.ts';
import { blockKitProblems } from './block-kit-limits.ts';
import { createSession, feedbackState } from './feedback-fixtures.ts';

const ctx = useTestApp();

let rubrics: Map<string, RubricFile>;
beforeAll(async () => {
  rubrics = new Map((await loadBank()).rubrics.map((rubric) => [rubric.type, rubric]));
  for (const user of ['U0ANA', 'U0BO', 'U0CY', 'U0DEE', 'U0EVE', 'U0FIN', 'U0GIA', 'U0HAL']) {
    ctx.world.fake.setUser(user, { tz: 'Europe/London' });
  }
});

type ModalView = { callback_id: string; private_metadata: string; blocks: Json[]; submit?: { text: string } };

const HOUR = 3600 * 1000;
const textOf = (call: RecordedCall) => JSON.stringify(call.args);

function rubric(type: string): RubricFile {
  const found = rubrics.get(type);
  if (!found) throw new Error(`no rubric ${type}`);
  return found;
}

/** Presses "Give feedback" for `sessionId` as `user` and returns the view the app opened. */
async function openFeedback(user: string, sessionId: string): Promise<ModalView> {
  const before = ctx.world.fake.callsTo('views.open').length;
  const reply = await ctx.app.slack.blockAction(user, {
    actionId: 'feedback-open',
    value: sessionId,
    channelId: 'G0PAIR',
  });
  expect(reply.status).toBe(200);
  const calls = await ctx.world.fake.waitForCalls('views.open', before + 1);
  const view = calls[before]!.args.view as unknown as ModalView;
  expect(blockKitProblems(view)).toEqual([]);
  return view;
}

function submitFeedback(user: string, view: ModalView, state: ReturnType<typeof feedbackState>) {
  return ctx.app.slack.viewSubmission(user, {
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    state,
  });
}

function allRatings(type: string, score: string): Record<string, string> {
  return Object.fromEntries(rubric(type).dimensions.map((dimension) => [dimension.id, score]));
}

function block(view: ModalView, blockId: string): Json {
  const found = view.blocks.find((each) => each.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

/** The DMs the app posted to `user` (their one-to-one conversation with the app). */
function dmsTo(user: string): RecordedCall[] {
  return ctx.world.fake.callsTo('chat.postMessage').filter((call) => {
    const channel = ctx.world.fake.channel(String(call.args.channel));
    return channel.is_im && channel.user === user;
  });
}

describe('the feedback form is the rubric of the session’s type', () => {
  it('“how did it go?” offers Give feedback; the product-sense form has that rubric, anchors and all', async () => {
    const session = await createSession(ctx.world.db, {
      users: ['U0ANA', 'U0BO'],
      interviewType: 'product-sense',
      startsAt: new Date(Date.now() - HOUR),
      status: 'CONFIRMED',
      channelId: 'G0PAIR',
    });
    await ctx.app.queues.enqueue('session-check-in', { sessionId: session.id, version: 0 });
    const checkIn = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call).includes('how did your'),
    );
    const actions = (checkIn.args.blocks as Json[]).find((each) => each.type === 'actions')!;
    const buttons = actions.elements as Array<{ action_id: string; value: string; text: { text: string } }>;
    expect(buttons.map((button) => button.text.text)).toEqual([
      'Give feedback',
      'Rate your interviewer',
      'We rescheduled',
      'My partner did not show up',
    ]);
    expect(buttons[0]).toMatchObject({ action_id: 'feedback-open', value: session.id });

    const view = await openFeedback('U0ANA', session.id);
    expect(view.callback_id).toBe('feedback');
    const productSense = rubric('product-sense');
    for (const dimension of productSense.dimensions) {
      const rating = block(view, `rating-${dimension.id}`);
      expect(rating.label).toMatchObject({ text: dimension.label });
      const options = (rating.element as { options: Json[] }).options;
      expect(options.map((option) => (option.description as Json).text)).toEqual([
        dimension.anchors['1'],
        dimension.anchors['2'],
        dimension.anchors['3'],
        dimension.anchors['4'],
        expect.stringContaining('left out of their averages'),
      ]);
      expect(options.at(-1)).toMatchObject({ value: 'not-covered', text: { text: 'Not covered' } });
      expect(block(view, `self-${dimension.id}`).optional).toBe(true);
    }
    const signals = (block(view, 'hire-signal').element as { options: Json[] }).options;
    expect(signals.map((option) => (option.text as Json).text)).toEqual([
      'Strong no',
      'No',
      'Yes',
      'Strong yes',
    ]);
    for (const id of ['strengths', 'improvement', 'communication', 'organizer-note']) block(view, id);
    expect(JSON.stringify(view.blocks)).toContain('<@U0BO>');
  });

  it('a behavioural session gets the behavioural rubric instead', async () => {
    const session = await createSession(ctx.world.db, {
      users: ['U0CY', 'U0DEE'],
      interviewType: 'behavioural',
      startsAt: new Date(Date.now() - HOUR),
    });
    const view = await openFeedback('U0DEE', session.id);
    const ratingBlocks = view.blocks.filter((each) => String(each.block_id).startsWith('rating-'));
    expect(ratingBlocks.map((each) => each.block_id)).toEqual(
      rubric('behavioural').dimensions.map((dimension) => `rating-${dimension.id}`),
    );
    expect(JSON.stringify(view.blocks)).toContain('STAR');
    expect(JSON.stringify(view.blocks)).toContain('<@U0CY>');
  });

  it('someone outside the session is told so, and no form opens', async () => {
    const session = await ctx.world.db.session.findFirstOrThrow({ where: { interviewType: 'behavioural' } });
    const opened = ctx.world.fake.callsTo('views.open').length;
    await ctx.app.slack.blockAction('U0EVE', {
      actionId: 'feedback-open',
      value: session.id,
      channelId: 'G0PAIR',
    });
    await ctx.world.fake.waitForResponse((response) =>
      JSON.stringify(response.body).includes('someone else'),
    );
    expect(ctx.world.fake.callsTo('views.open')).toHaveLength(opened);
  });
});

describe('giving feedback', () => {
  let sessionId = '';
  let anaView: ModalView;

  it('missing ratings and over-long text come back as inline errors on the right blocks, and nothing is stored', async () => {
    sessionId = (await ctx.world.db.session.findFirstOrThrow({ where: { interviewType: 'product-sense' } }))
      .id;
    anaView = await openFeedback('U0ANA', sessionId);
    const ratings = allRatings('product-sense', '3');
    delete ratings['success-metrics'];
    const reply = await submitFeedback(
      'U0ANA',
      anaView,
      feedbackState(rubric('product-sense').dimensions, {
        ratings,
        strengths: 'x'.repeat(1501),
        improvement: 'Name a metric.',
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      response_action: 'errors',
      errors: {
        'rating-success-metrics': 'Rate “Defines success” from 1 to 4, or mark it not covered.',
        'hire-signal': expect.stringContaining('overall signal'),
        strengths: expect.stringContaining('keep it under 1500'),
      },
    });
    expect(await ctx.world.db.feedback.count()).toBe(0);
  });

  it('a double submit stores one feedback, and the form thanks the member', async () => {
    const state = feedbackState(rubric('product-sense').dimensions, {
      ratings: { ...allRatings('product-sense', '3'), 'success-metrics': '2' },
      self: { 'clarifies-goal': '4', 'success-metrics': '3' },
      signal: 'YES',
      strengths: 'You pinned the goal down before any solution, and the user segment was well argued.',
      improvement: 'Give the primary metric a target and a guardrail.',
      communication: 'Clear signposting; a few long pauses while thinking.',
      note: 'ANA-PRIVATE-NOTE: the prompt was too broad for 25 minutes.',
    });
    const [first, second] = await Promise.all([
      submitFeedback('U0ANA', anaView, state),
      submitFeedback('U0ANA', anaView, state),
    ]);
    for (const reply of [first!, second!]) {
      expect(reply.json).toMatchObject({ response_action: 'update' });
      expect(JSON.stringify(reply.json)).toContain('Thank you');
    }
    const stored = await ctx.world.db.feedback.findMany({ where: { sessionId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      hireSignal: 'YES',
      ratings: expect.objectContaining({ 'success-metrics': 2, 'clarifies-goal': 3 }),
      selfRatings: { 'clarifies-goal': 4, 'success-metrics': 3 },
      revealedAt: null,
    });
    // Not revealed: Bo has not written his yet, so nobody has been sent anything.
    expect(dmsTo('U0BO')).toHaveLength(0);
  });

  it('the button opens the sent feedback for editing, prefilled, and a change edits the same row', async () => {
    const view = await openFeedback('U0ANA', sessionId);
    expect(view.submit?.text).toBe('Save changes');
    expect(block(view, 'rating-success-metrics').element).toMatchObject({ initial_option: { value: '2' } });
    expect(block(view, 'hire-signal').element).toMatchObject({ initial_option: { value: 'YES' } });
    expect(block(view, 'self-clarifies-goal').element).toMatchObject({ initial_option: { value: '4' } });
    expect((block(view, 'strengths').element as Json).initial_value).toContain('pinned the goal');

    const reply = await submitFeedback(
      'U0ANA',
      view,
      feedbackState(rubric('product-sense').dimensions, {
        ratings: { ...allRatings('product-sense', '3'), 'success-metrics': '2' },
        self: { 'clarifies-goal': '4', 'success-metrics': '3' },
        signal: 'STRONG_YES',
        strengths: 'You pinned the goal down before any solution, and the user segment was well argued.',
        improvement: 'Give the primary metric a target and a guardrail.',
        note: 'ANA-PRIVATE-NOTE: the prompt was too broad for 25 minutes.',
      }),
    );
    expect(JSON.stringify(reply.json)).toContain('changes are saved');
    const stored = await ctx.world.db.feedback.findMany({ where: { sessionId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.hireSignal).toBe('STRONG_YES');
  });

  it('once Bo sends his, each gets the other’s feedback as a readable DM and a thank-you, once', async () => {
    const view = await openFeedback('U0BO', sessionId);
    const reply = await submitFeedback(
      'U0BO',
      view,
      feedbackState(rubric('product-sense').dimensions, {
        ratings: {
          ...allRatings('product-sense', '2'),
          'structure-communication': '4',
          // Bo's prompt never asked for a range of solutions: not covered, so no score at all.
          'solution-range': 'not-covered',
        },
        self: { 'solution-range': '2' },
        signal: 'NO',
        strengths: 'Very easy to follow <b>structure</b> & a crisp summary.',
        improvement: 'Generate more than one solution before choosing.',
      }),
    );
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(reply.json)).toContain('both given feedback');

    await expect.poll(() => dmsTo('U0ANA').length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => dmsTo('U0BO').length, { timeout: 10_000 }).toBe(2);

    const received = dmsTo('U0ANA').find((call) => textOf(call).includes('wrote this about'))!;
    const text = textOf(received);
    const structure = rubric('product-sense').dimensions.find(
      (each) => each.id === 'structure-communication',
    )!;
    expect(text).toContain(structure.label);
    expect(text).toContain('4/4 Strong');
    expect(text).toContain(structure.anchors['4']);
    expect(text).toContain('Overall signal:* No');
    expect(text).toContain('&lt;b&gt;structure&lt;/b&gt; &amp; a crisp summary');
    expect(text).toContain('Generate more than one solution');
    expect(text).toContain(`slack://app?team=T0TEST&id=${ctx.world.fake.appId}&tab=home`);
    expect(text).toContain('<@U0BO>');
    expect(blockKitProblems(received.args as never, 50)).toEqual([]);

    const boReceived = dmsTo('U0BO').find((call) => textOf(call).includes('wrote this about'))!;
    expect(textOf(boReceived)).toContain('Strong yes');
    expect(textOf(boReceived)).toContain('target and a guardrail');
    expect(
      dmsTo('U0BO').some((call) => textOf(call).includes('Thank you: <@U0ANA> now has your feedback')),
    ).toBe(true);

    const stored = await ctx.world.db.feedback.findMany({ where: { sessionId } });
    expect(stored.every((each) => each.revealedAt !== null)).toBe(true);
    const fromBo = stored.find(
      (each) => (each.ratings as Record<string, number>)['structure-communication'] === 4,
    )!;
    expect(fromBo.ratings).not.toHaveProperty('solution-range');
    const solutionRange = rubric('product-sense').dimensions.find((each) => each.id === 'solution-range')!;
    expect(text).not.toContain(solutionRange.label);

    // Private parts never leave: the note to organizers and the self-ratings are in no message.
    const everything = JSON.stringify(ctx.world.fake.callsTo('chat.postMessage').map((call) => call.args));
    expect(everything).not.toContain('ANA-PRIVATE-NOTE');

    // A retried reveal sends nothing again.
    await ctx.app.queues.queue('feedback-reveal').remove(`session-${sessionId}-feedback-reveal-complete`);
    await ctx.app.queues.enqueue('feedback-reveal', { sessionId, reason: 'complete' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(dmsTo('U0ANA')).toHaveLength(2);
    expect(dmsTo('U0BO')).toHaveLength(2);
  });

  it('after the partner has read it, only a short correction window remains; then it stays as it was', async () => {
    // Within half an hour of the reveal the form opens again, to fix a typo (marked edited).
    const view = await openFeedback('U0ANA', sessionId);
    expect(view.callback_id).toBe('feedback');
    // Half an hour later it is closed for good.
    await ctx.world.db.feedback.updateMany({
      where: { sessionId },
      data: { revealedAt: new Date(Date.now() - 31 * 60_000) },
    });
    const closed = await openFeedback('U0ANA', sessionId);
    expect(closed.callback_id).not.toBe('feedback');
    expect(JSON.stringify(closed.blocks)).toContain('already read your feedback');
  });
});

describe('nudges and the deadline', () => {
  it('a day later, only the one who has not given feedback is nudged, with the button', async () => {
    const session = await ctx.world.db.session.findFirstOrThrow({ where: { interviewType: 'behavioural' } });
    const view = await openFeedback('U0DEE', session.id);
    await submitFeedback(
      'U0DEE',
      view,
      feedbackState(rubric('behavioural').dimensions, {
        ratings: allRatings('behavioural', '3'),
        signal: 'YES',
        strengths: 'A clear STAR arc.',
        improvement: 'Quantify the result.',
      }),
    );
    await ctx.app.queues.enqueue('session-feedback-nudge', { sessionId: session.id, version: 0 });
    await expect.poll(() => dmsTo('U0CY').length, { timeout: 10_000 }).toBe(1);
    const nudge = dmsTo('U0CY')[0]!;
    expect(textOf(nudge)).toContain('<@U0DEE> has already written theirs');
    expect(textOf(nudge)).toContain('"action_id":"feedback-open"');
    expect(textOf(nudge)).toContain(session.id);
    expect(dmsTo('U0DEE')).toHaveLength(0);
  });

  it('at the deadline, what was written is revealed even though the partner never wrote theirs', async () => {
    const ended = new Date(Date.now() - 4 * 24 * HOUR);
    const session = await createSession(ctx.world.db, {
      users: ['U0EVE', 'U0FIN'],
      interviewType: 'execution',
      startsAt: new Date(ended.getTime() - HOUR),
      endedAt: ended,
    });
    const [eve, fin] = session.memberIds;
    await ctx.world.db.feedback.create({
      data: {
        sessionId: session.id,
        authorId: eve,
        recipientId: fin,
        ratings: Object.fromEntries(rubric('execution').dimensions.map((dimension) => [dimension.id, 3])),
        selfRatings: {},
        hireSignal: 'YES',
        strengths: 'Strong metric tree.',
        improvement: 'Check for seasonality first.',
        submittedAt: new Date(ended.getTime() + HOUR),
      },
    });
    // Fin is too late to write his now: the form is closed.
    const closed = await openFeedback('U0FIN', session.id);
    expect(JSON.stringify(closed.blocks)).toContain('has closed');

    await ctx.app.queues.enqueue('feedback-reveal', { sessionId: session.id, reason: 'deadline' });
    await expect.poll(() => dmsTo('U0FIN').length, { timeout: 10_000 }).toBe(1);
    expect(textOf(dmsTo('U0FIN')[0]!)).toContain('Check for seasonality first');
    expect(textOf(dmsTo('U0FIN')[0]!)).toContain('the *Home* tab');
    await expect.poll(() => dmsTo('U0EVE').length, { timeout: 10_000 }).toBe(1);
    expect(textOf(dmsTo('U0EVE')[0]!)).toContain('Thank you');
  });

  it('a partner who has left Slack costs only their own DMs: the other still gets feedback and thanks', async () => {
    const session = await createSession(ctx.world.db, {
      users: ['U0GIA', 'U0HAL'],
      interviewType: 'strategy',
      startsAt: new Date(Date.now() - 2 * HOUR),
    });
    const [gia, hal] = session.memberIds;
    const ratings = Object.fromEntries(rubric('strategy').dimensions.map((dimension) => [dimension.id, 2]));
    const written = { ratings, selfRatings: {}, hireSignal: 'NO' as const, submittedAt: new Date() };
    await ctx.world.db.feedback.createMany({
      data: [
        {
          ...written,
          sessionId: session.id,
          authorId: gia,
          recipientId: hal,
          strengths: 'Good.',
          improvement: 'More.',
        },
        {
          ...written,
          sessionId: session.id,
          authorId: hal,
          recipientId: gia,
          strengths: 'Sharp market sizing.',
          improvement: 'Name the competitor’s likely response.',
        },
      ],
    });
    ctx.world.fake.removeUser('U0HAL');
    await ctx.app.queues.enqueue('feedback-reveal', { sessionId: session.id, reason: 'complete' });
    await expect.poll(() => dmsTo('U0GIA').length, { timeout: 10_000 }).toBe(2);
    expect(dmsTo('U0GIA').some((call) => textOf(call).includes('Sharp market sizing'))).toBe(true);
    expect(dmsTo('U0GIA').some((call) => textOf(call).includes('Thank you'))).toBe(true);
  });
});
