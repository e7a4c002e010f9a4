import { beforeAll, describe, expect, it } from 'vitest';
import type { JobName } from '../../src/queue/catalogue.ts';
import type { Json, RecordedCall } from '../harness/fake-slack.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * Organizer settings end to end: Ada, a workspace admin, opens `/mock admin`, names Cal an
 * organizer and tightens matching and reminders; Ben, a member, is refused however he asks; the
 * saved settings then decide who is matched and which reminders a confirmed session gets.
 */
const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0ADA', { tz: 'Europe/London', is_admin: true });
  for (const user of ['U0BEN', 'U0CAL', 'U0DAN', 'U0EVE', 'U0FAY', 'U0GUS'])
    ctx.world.fake.setUser(user, { tz: 'Europe/London' });
});

// ------------------------------------------------------------------------------------ helpers

type View = { callback_id?: string; blocks: Json[] };

const textOf = (value: unknown) => JSON.stringify(value);
const HOUR = 3_600_000;

async function openSettings(user: string, text = 'admin'): Promise<View> {
  const before = ctx.world.fake.callsTo('views.open').length;
  const reply = await ctx.app.slack.command(user, '/mock', text);
  expect(reply.status).toBe(200);
  const calls = await ctx.world.fake.waitForCalls('views.open', before + 1);
  return calls[before]!.args.view as unknown as View;
}

function element(view: View, blockId: string): Json {
  const found = view.blocks.find((each) => each.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found.element as Json;
}

interface SettingsInput {
  organizers?: string[];
  levelDistance?: string | null;
  cooldown?: string | null;
  sweep?: string | null;
  horizon?: string | null;
  duration?: string | null;
  reminders?: string[];
  nudge?: string | null;
  release?: string | null;
}

/** The modal's state as Slack sends it on submit; blank boxes arrive as null. */
function settingsState(input: SettingsInput) {
  const number = (value: string | null | undefined) => ({ type: 'number_input', value: value ?? null });
  return {
    values: {
      'admin-organizers': { value: { type: 'multi_users_select', selected_users: input.organizers ?? [] } },
      'admin-level-distance': { value: number(input.levelDistance) },
      'admin-cooldown': { value: number(input.cooldown) },
      'admin-sweep-interval': { value: number(input.sweep) },
      'admin-horizon': { value: number(input.horizon) },
      'admin-duration': {
        value: {
          type: 'static_select',
          selected_option: input.duration ? { value: input.duration } : null,
        },
      },
      'admin-reminders': {
        value: {
          type: 'multi_static_select',
          selected_options: (input.reminders ?? []).map((value) => ({ value })),
        },
      },
      'admin-confirm-nudge': { value: number(input.nudge) },
      'admin-release': { value: number(input.release) },
    },
  };
}

function submitSettings(user: string, input: SettingsInput = {}) {
  return ctx.app.slack.viewSubmission(user, { callback_id: 'admin-settings', state: settingsState(input) });
}

async function storedSettings() {
  return ctx.world.db.workspaceSettings.findFirst();
}

async function sessionOf(user: string) {
  return ctx.world.db.session.findFirst({
    where: { participants: { some: { member: { slackUserId: user } } } },
    orderBy: { createdAt: 'desc' },
  });
}

function buttons(call: RecordedCall): Array<{ action_id: string; value: string }> {
  const found: Array<{ action_id: string; value: string }> = [];
  for (const block of (call.args.blocks ?? []) as Json[]) {
    for (const each of (block.elements ?? []) as Json[])
      if (each.type === 'button') found.push(each as never);
    const accessory = block.accessory as Json | undefined;
    if (accessory?.type === 'button') found.push(accessory as never);
  }
  return found;
}

// -------------------------------------------------------------------------------------- tests

describe('only organizers reach the settings', () => {
  it('Ben, a member, is refused at /mock admin: an answer saying who can, and no modal', async () => {
    const reply = await ctx.app.slack.command('U0BEN', '/mock', 'admin');
    expect(reply.status).toBe(200);
    const refusal = await ctx.world.fake.waitForResponse((response) =>
      String(response.body.text).includes('Only organizers'),
    );
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
    expect(ctx.world.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('a submission Ben forges is refused on the server and saves nothing', async () => {
    const forged = await submitSettings('U0BEN', { organizers: ['U0BEN'], levelDistance: '3' });
    expect(forged.json).toMatchObject({
      response_action: 'errors',
      errors: { 'admin-organizers': expect.stringContaining('Only organizers') },
    });
    expect(await ctx.world.db.workspaceSettings.count()).toBe(0);
  });

  it('a "Daily question…" press Ben forges gets a notice, not the daily question’s form', async () => {
    const reply = await ctx.app.slack.blockAction('U0BEN', {
      actionId: 'admin-settings-daily',
      view: { callback_id: 'admin-settings' },
    });
    expect(reply.status).toBe(200);
    const pushed = await ctx.world.fake.waitForCall('views.push');
    expect(textOf(pushed.args.view)).toContain('Only organizers');
    expect((pushed.args.view as Json).callback_id).toBeUndefined();
  });

  it('an unknown area gets the usage, not a modal', async () => {
    await ctx.app.slack.command('U0ADA', '/mock', 'admin everything');
    const usage = await ctx.world.fake.waitForResponse((response) =>
      String(response.body.text).includes('/mock admin daily'),
    );
    expect(usage.body).toMatchObject({ response_type: 'ephemeral' });
    expect(ctx.world.fake.callsTo('views.open')).toHaveLength(0);
  });
});

describe('Ada, a workspace admin, changes the settings', () => {
  it('opens one modal with every field blank and its default in grey, and a way to the daily question', async () => {
    const view = await openSettings('U0ADA');
    expect(view.callback_id).toBe('admin-settings');
    expect(element(view, 'admin-organizers')).toMatchObject({ type: 'multi_users_select' });
    expect(element(view, 'admin-level-distance')).toMatchObject({
      type: 'number_input',
      min_value: '0',
      max_value: '3',
      placeholder: { text: 'Default: 1' },
    });
    expect(element(view, 'admin-level-distance').initial_value).toBeUndefined();
    expect(element(view, 'admin-reminders')).toMatchObject({
      type: 'multi_static_select',
      placeholder: { text: 'Default: 24 h and 15 min before' },
    });
    expect(textOf(view.blocks)).toContain('admin-settings-daily');
    // `/mock admin settings` is the same modal.
    expect((await openSettings('U0ADA', 'admin settings')).callback_id).toBe('admin-settings');
  });

  it('gets wrong values back inline, next to each field, and nothing is saved', async () => {
    const reply = await submitSettings('U0ADA', {
      levelDistance: '7',
      horizon: '45',
      reminders: ['5', '10', '15', '60', '180'],
      nudge: '30',
    });
    expect(reply.json).toMatchObject({
      response_action: 'errors',
      errors: {
        'admin-level-distance': expect.stringContaining('0 (the same level only) to 3'),
        'admin-horizon': expect.stringContaining('1 to 30'),
        'admin-reminders': expect.stringContaining('at most 4'),
        'admin-confirm-nudge': expect.stringContaining('before the release'),
      },
    });
    expect(await ctx.world.db.workspaceSettings.count()).toBe(0);
  });

  it('saves: Cal becomes an organizer, level distance 0, reminders 3 h and 1 h before', async () => {
    const reply = await submitSettings('U0ADA', {
      organizers: ['U0CAL'],
      levelDistance: '0',
      reminders: ['60', '180'],
      nudge: '2',
      release: '6',
    });
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(textOf(reply.json)).toContain('Level distance: 0');
    expect(await storedSettings()).toMatchObject({
      organizerSlackIds: ['U0CAL'],
      maxLevelDistance: 0,
      cooldownDays: null,
      sweepIntervalMinutes: null,
      reminderOffsetsMinutes: [180, 60],
      confirmNudgeHours: 2,
      releaseHours: 6,
      updatedBySlackUserId: 'U0ADA',
    });
  });

  it('Cal, named in the settings, may now open them (as saved) and the daily question over them', async () => {
    const view = await openSettings('U0CAL');
    expect(element(view, 'admin-organizers')).toMatchObject({ initial_users: ['U0CAL'] });
    expect(element(view, 'admin-level-distance')).toMatchObject({ initial_value: '0' });
    const reminders = element(view, 'admin-reminders').initial_options as Array<{ value: string }>;
    expect(reminders.map((each) => each.value)).toEqual(['60', '180']);

    const pushesBefore = ctx.world.fake.callsTo('views.push').length;
    await ctx.app.slack.blockAction('U0CAL', {
      actionId: 'admin-settings-daily',
      view: { callback_id: 'admin-settings' },
    });
    const pushed = await ctx.world.fake.waitForCalls('views.push', pushesBefore + 1);
    expect((pushed[pushesBefore]!.args.view as Json).callback_id).toBe('daily-question-settings');
  });

  it('Ben is still refused', async () => {
    const forged = await submitSettings('U0BEN', { organizers: ['U0BEN'] });
    expect(textOf(forged.json)).toContain('Only organizers');
    expect((await storedSettings())?.organizerSlackIds).toEqual(['U0CAL']);
  });
});

describe('the saved settings change what happens', () => {
  it('with level distance 0, Dan (PM) and Eve (Senior) are not paired; back at the default, the sweep pairs them', async () => {
    await ctx.app.slack.command('U0DAN', '/mock', 'execution pm both now');
    await ctx.app.slack.command('U0EVE', '/mock', 'execution senior both now');
    await expect
      .poll(() => ctx.world.db.matchRun.count({ where: { trigger: 'new-request' } }), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    const runs = await ctx.world.db.matchRun.findMany({ where: { trigger: 'new-request' } });
    expect(runs.every((run) => run.pairs === 0)).toBe(true);
    expect((runs[0]!.input as { config: { maxLevelDistance: number } }).config.maxLevelDistance).toBe(0);
    expect(await sessionOf('U0DAN')).toBeNull();

    // Ada clears the level distance (the default, 1, applies again) and the next sweep pairs them.
    const cleared = await submitSettings('U0ADA', {
      organizers: ['U0CAL'],
      reminders: ['60', '180'],
      nudge: '2',
      release: '6',
    });
    expect(cleared.json).toMatchObject({ response_action: 'update' });
    const workspace = await ctx.world.db.workspace.findFirstOrThrow();
    await ctx.app.queues.enqueue('match-pool', { workspaceId: workspace.id, trigger: 'sweep' });
    await expect.poll(() => sessionOf('U0DAN'), { timeout: 10_000 }).not.toBeNull();
    const session = await sessionOf('U0DAN');
    expect(session?.id).toBe((await sessionOf('U0EVE'))?.id);
  });

  it('Fay and Gus agree a time: nudge and release follow the saved 2 and 6 hours, the reminders the saved 3 h and 1 h', async () => {
    // Tomorrow evening is at least 18 hours away, so every follow-up below is still ahead.
    await ctx.app.slack.command('U0FAY', '/mock', 'strategy senior both tomorrow 18-21');
    await ctx.app.slack.command('U0GUS', '/mock', 'strategy senior both tomorrow 18-21');
    const intro = await ctx.world.fake.waitForCall(
      'chat.postMessage',
      (call) => textOf(call.args).includes('Pick this time') && textOf(call.args).includes('U0FAY'),
      15_000,
    );
    const proposed = (await sessionOf('U0FAY'))!;
    expect(proposed.status).toBe('PROPOSED');
    const runAt = async (queue: JobName, jobId: string) => {
      const job = await ctx.app.queues.queue(queue).getJob(jobId);
      return job ? job.timestamp + (job.opts.delay ?? 0) : undefined;
    };
    const proposedAt = proposed.proposedAt.getTime();
    const step = `session-${proposed.id}-v0`;
    expect(await runAt('session-confirm-nudge', `${step}-confirm-nudge`)).toBeCloseTo(
      proposedAt + 2 * HOUR,
      -4,
    );
    expect(await runAt('session-release', `${step}-release`)).toBeCloseTo(proposedAt + 6 * HOUR, -4);

    const slot = buttons(intro).find((button) => button.action_id === 'session-pick-slot')!;
    const channelId = String(intro.args.channel);
    await ctx.app.slack.blockAction('U0FAY', { actionId: slot.action_id, value: slot.value, channelId });
    await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
      textOf(call.args).includes('U0FAY> confirmed'),
    );
    await ctx.app.slack.blockAction('U0GUS', { actionId: slot.action_id, value: slot.value, channelId });
    await expect.poll(async () => (await sessionOf('U0FAY'))?.status, { timeout: 10_000 }).toBe('CONFIRMED');

    const confirmed = (await sessionOf('U0FAY'))!;
    const startsAt = confirmed.startsAt.getTime();
    const reminder = (seconds: number) =>
      runAt('session-reminder', `session-${confirmed.id}-v${confirmed.version}-reminder-${seconds}s`);
    await expect.poll(() => reminder(3 * 3600)).toBeDefined();
    expect(await reminder(3 * 3600)).toBeCloseTo(startsAt - 3 * HOUR, -4);
    expect(await reminder(3600)).toBeCloseTo(startsAt - HOUR, -4);
    // The app's own 15-minute reminder is not queued for this workspace (nor the 24-hour one).
    expect(await reminder(900)).toBeUndefined();
    expect(await reminder(86_400)).toBeUndefined();
  });
});
