import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../harness/fake-slack.ts';
import { requestFormState } from '../harness/request-form.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0DEV', { tz: 'America/New_York' });
  ctx.world.fake.setUser('U0EMI', { tz: 'America/Chicago' });
  ctx.world.fake.setUser('U0FAY', { tz: 'Asia/Kathmandu' });
});

type ModalView = { callback_id: string; private_metadata: string; blocks: Json[] };

/** Runs bare `/mock` and returns the modal the app opened for `user`. */
async function openForm(user: string): Promise<ModalView> {
  const before = ctx.world.fake.callsTo('views.open').length;
  const reply = await ctx.app.slack.command(user, '/mock', '');
  expect(reply.status).toBe(200);
  const calls = await ctx.world.fake.waitForCalls('views.open', before + 1);
  return calls[before]!.args.view as unknown as ModalView;
}

function block(view: ModalView, blockId: string): Json {
  const found = view.blocks.find((each) => each.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

function submit(user: string, view: ModalView, state: ReturnType<typeof requestFormState>) {
  return ctx.app.slack.viewSubmission(user, {
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    state,
  });
}

describe('the "Find a practice partner" modal', () => {
  it('bare /mock opens the modal in the member’s timezone, with the defaults picked', async () => {
    const view = await openForm('U0DEV');
    expect(view.callback_id).toBe('partner-request');
    expect(JSON.stringify(view.blocks)).toContain('America/New_York');
    expect(block(view, 'level').element).toMatchObject({ initial_option: { value: 'PM' } });
    expect(block(view, 'role').element).toMatchObject({ initial_option: { value: 'BOTH' } });
    expect(block(view, 'duration').element).toMatchObject({ initial_option: { value: '45' } });
    const windows = block(view, 'windows').element as { options: Array<{ value: string }> };
    expect(windows.options.map((option) => option.value)).toContain('weekdays 18:00-21:00');
  });

  it('wrong input comes back as inline errors on the right fields, and nothing is stored', async () => {
    const view = await openForm('U0DEV');
    const reply = await submit(
      'U0DEV',
      view,
      requestFormState({
        types: [],
        level: 'SENIOR',
        role: 'BOTH',
        duration: '45',
        otherTimes: 'someday soon',
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      response_action: 'errors',
      errors: { types: expect.stringContaining('interview type'), 'other-times': expect.any(String) },
    });
    expect(await ctx.world.db.partnerRequest.count()).toBe(0);

    const noTimes = await submit(
      'U0DEV',
      view,
      requestFormState({ types: ['execution'], level: 'SENIOR', role: 'BOTH', duration: '45' }),
    );
    expect(noTimes.json).toMatchObject({
      response_action: 'errors',
      errors: { windows: expect.stringContaining('Pick at least one time') },
    });
    expect(await ctx.world.db.partnerRequest.count()).toBe(0);
  });

  it('Dev and Emi submit the modal and are matched, with Dev’s presets and typed times stored', async () => {
    const devView = await openForm('U0DEV');
    const reply = await submit(
      'U0DEV',
      devView,
      requestFormState({
        types: ['execution', 'strategy'],
        level: 'SENIOR',
        role: 'INTERVIEWEE',
        duration: '60',
        windows: ['weekdays 18:00-21:00'],
        otherTimes: 'sat 09:00-11:00',
        note: 'Preparing for a fintech loop',
      }),
    );
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(reply.json)).toContain('You are in the pool');
    const dev = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0DEV' } });
    const request = await ctx.world.db.partnerRequest.findFirstOrThrow({ where: { memberId: dev.id } });
    expect(request).toMatchObject({
      interviewTypes: ['execution', 'strategy'],
      level: 'SENIOR',
      role: 'INTERVIEWEE',
      durationMinutes: 60,
      timezone: 'America/New_York',
      note: 'Preparing for a fintech loop',
      status: 'OPEN',
    });
    expect(request.availability).toEqual({
      weekly: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '21:00' },
        { days: ['sat'], start: '09:00', end: '11:00' },
      ],
      slots: [],
    });

    const emiView = await openForm('U0EMI');
    await submit(
      'U0EMI',
      emiView,
      requestFormState({
        types: ['strategy'],
        level: 'SENIOR',
        role: 'BOTH',
        duration: '60',
        windows: ['weekdays 18:00-21:00'],
      }),
    );
    const intro = await ctx.world.fake.waitForCall('chat.postMessage', (call) => {
      const text = JSON.stringify(call.args);
      return text.includes('U0DEV') && text.includes('U0EMI');
    });
    expect(JSON.stringify(intro.args.blocks)).toContain('Strategy');
  });

  it('a returning member finds the form filled in from their last request', async () => {
    const view = await openForm('U0DEV');
    const types = block(view, 'types').element as { initial_options: Array<{ value: string }> };
    expect(types.initial_options.map((option) => option.value)).toEqual(['execution', 'strategy']);
    expect(block(view, 'level').element).toMatchObject({ initial_option: { value: 'SENIOR' } });
    expect(block(view, 'role').element).toMatchObject({ initial_option: { value: 'INTERVIEWEE' } });
    expect(block(view, 'duration').element).toMatchObject({ initial_option: { value: '60' } });
    expect(block(view, 'windows').element).toMatchObject({
      initial_options: [{ value: 'weekdays 18:00-21:00' }],
    });
    expect(block(view, 'other-times').element).toMatchObject({ initial_value: 'sat 09:00-11:00' });
    expect(block(view, 'note').element).toMatchObject({ initial_value: 'Preparing for a fintech loop' });
  });

  it('a second submission while a request is open updates it instead of opening another', async () => {
    const view = await openForm('U0FAY');
    const state = requestFormState({
      types: ['technical'],
      level: 'STAFF',
      role: 'BOTH',
      duration: '30',
      windows: ['now 90'],
    });
    await submit('U0FAY', view, state);
    const again = await submit('U0FAY', view, { ...state, values: { ...state.values } });
    expect(JSON.stringify(again.json)).toContain('Your open request is updated');
    const fay = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0FAY' } });
    expect(await ctx.world.db.partnerRequest.count({ where: { memberId: fay.id } })).toBe(1);
    const request = await ctx.world.db.partnerRequest.findFirstOrThrow({ where: { memberId: fay.id } });
    expect(request.timezone).toBe('Asia/Kathmandu');
    expect(request.availability).toMatchObject({ now: { now: true, forMinutes: 90 } });
  });

  it('an expired trigger gets a message saying to run the command again', async () => {
    ctx.world.fake.failNext('views.open', { error: 'expired_trigger_id' });
    await ctx.app.slack.command('U0EMI', '/mock', '');
    const response = await ctx.world.fake.waitForResponse((posted) =>
      JSON.stringify(posted.body).includes('took too long to open the form'),
    );
    expect(response.body).toMatchObject({ response_type: 'ephemeral' });
  });

  it('when PostgreSQL fails during the save the modal stays open with a try-again error', async () => {
    const view = await openForm('U0EMI');
    const state = requestFormState({
      types: ['behavioural'],
      level: 'PM',
      role: 'BOTH',
      duration: '45',
      windows: ['weekdays 18:00-21:00'],
    });
    await ctx.world.db.$executeRawUnsafe('ALTER TABLE "PartnerRequest" RENAME TO "PartnerRequestAway"');
    try {
      const reply = await submit('U0EMI', view, state);
      expect(reply.json).toMatchObject({ response_action: 'errors', errors: { types: expect.any(String) } });
    } finally {
      await ctx.world.db.$executeRawUnsafe('ALTER TABLE "PartnerRequestAway" RENAME TO "PartnerRequest"');
    }
    const retried = await submit('U0EMI', view, state);
    expect(retried.json).toMatchObject({ response_action: 'update' });
  });
});
