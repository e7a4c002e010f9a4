import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import { dailySchedulerId } from '../../src/queue/daily-question-schedule.ts';
import { syncBuiltInQuestions } from '../../src/store/question-bank.ts';
import type { Json, RecordedCall } from '../harness/fake-slack.ts';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

/**
 * The daily question end to end: Ada, a workspace admin, sets it up in a modal; BullMQ's real job
 * scheduler fires it; members press its buttons; restarts catch up. The app's clock is the `now`
 * the runtime is started with (configuration, not a mock): each test sets the moment it runs at.
 * BullMQ keeps real time, so a scheduled run is brought forward with `job.promote()` rather than
 * waited for, and the processor judges it on the app's clock, as in production.
 */

const ZONE = 'America/New_York';
const CHANNEL = 'C0DAILY';
const ORGANIZER_ENV = { ORGANIZER_SLACK_IDS: 'U0OLA' };

/** A moment on New York's wall clock. */
function newYork(localIso: string): Date {
  return DateTime.fromISO(localIso, { zone: ZONE }).toJSDate();
}

let clock = newYork('2026-03-09T11:00'); // Monday, the day after the clocks went forward
let world: TestWorld;
let app: TestApp;

async function startApp(at: Date): Promise<void> {
  clock = at;
  app = await startTestApp(world, { env: ORGANIZER_ENV, now: () => clock });
}

/** Stops the app and starts it again `at` a later moment: the worker's start-up catch-up runs. */
async function restartApp(at: Date): Promise<void> {
  await app.stop();
  await startApp(at);
  await waitForJobs(app.queues.queue('daily-question-catch-up'), [`daily-question-catch-up-${at.getTime()}`]);
}

let executionPool: string[] = [];

beforeAll(async () => {
  world = await createTestWorld();
  const bank = await loadBank();
  await syncBuiltInQuestions(world.db, bank.questions);
  // Two execution questions only, so the channel's rotation through them comes round in a week.
  executionPool = bank.questions.filter((question) => question.type === 'execution').map((q) => q.id);
  await world.db.question.updateMany({
    where: { type: 'execution', slug: { notIn: executionPool.slice(0, 2) } },
    data: { retiredAt: new Date() },
  });
  world.fake.setUser('U0ADA', { tz: ZONE, is_admin: true });
  world.fake.setUser('U0BEN', { tz: 'Europe/London' });
  world.fake.setUser('U0OLA', { tz: 'Europe/Lisbon' });
  world.fake.setUser('U0CAL', { tz: 'America/Chicago' });
  await startApp(clock);
});

afterAll(async () => {
  await app?.stop();
  await world?.close();
});

// ------------------------------------------------------------------------------------ helpers

type View = { callback_id: string; blocks: Json[] };

async function openSettings(user: string): Promise<View> {
  const before = world.fake.callsTo('views.open').length;
  const reply = await app.slack.command(user, '/mock', 'admin daily');
  expect(reply.status).toBe(200);
  const calls = await world.fake.waitForCalls('views.open', before + 1);
  return calls[before]!.args.view as unknown as View;
}

function block(view: View, blockId: string): Json {
  const found = view.blocks.find((each) => each.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

interface SettingsInput {
  channel?: string | null;
  time?: string | null;
  timezone?: string | null;
  weekdays?: string[];
  types?: string[];
  enabled?: 'on' | 'off' | null;
}

const VALID: Required<SettingsInput> = {
  channel: CHANNEL,
  time: '09:00',
  timezone: ZONE,
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  types: ['execution', 'behavioural'],
  enabled: 'on',
};

/** The modal's state as Slack sends it on submit. */
function settingsState(input: SettingsInput) {
  const fields = { ...VALID, ...input };
  const option = (value: string | null) => (value === null ? null : { value });
  const many = (values: string[]) => values.map((value) => ({ value }));
  return {
    values: {
      'daily-channel': { value: { type: 'conversations_select', selected_conversation: fields.channel } },
      'daily-time': { value: { type: 'timepicker', selected_time: fields.time } },
      'daily-timezone': {
        'timezone-search': { type: 'external_select', selected_option: option(fields.timezone) },
      },
      'daily-weekdays': { value: { type: 'checkboxes', selected_options: many(fields.weekdays) } },
      'daily-types': { value: { type: 'checkboxes', selected_options: many(fields.types) } },
      'daily-enabled': { value: { type: 'radio_buttons', selected_option: option(fields.enabled) } },
    },
  };
}

function submitSettings(user: string, input: SettingsInput = {}) {
  return app.slack.viewSubmission(user, {
    callback_id: 'daily-question-settings',
    state: settingsState(input),
  });
}

async function workspaceId(): Promise<string> {
  return (await world.db.workspace.findFirstOrThrow()).id;
}

function postQueue(): Queue {
  return app.queues.queue('post-daily-question');
}

/** Waits until each job has completed (a retry in between is fine); fails fast if one fails. */
async function waitForJobs(queue: Queue, ids: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const id of ids) {
    for (;;) {
      const state = await queue.getJobState(id);
      if (state === 'completed') break;
      if (state === 'failed') throw new Error(`job ${id} failed: ${(await queue.getJob(id))?.failedReason}`);
      if (Date.now() > deadline) throw new Error(`job ${id} is still ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Brings the scheduler's next run forward to now (BullMQ's own API) and returns its job id. */
async function fireScheduler(): Promise<string> {
  const scheduler = await postQueue().getJobScheduler(dailySchedulerId(await workspaceId()));
  const jobId = `repeat:${dailySchedulerId(await workspaceId())}:${scheduler!.next}`;
  const job = await postQueue().getJob(jobId);
  await job!.promote();
  return jobId;
}

/** What a worker start does, at the app's clock: queues the day's post if it is owed. */
async function catchUp(): Promise<void> {
  const requestedAt = clock.getTime();
  await app.queues.enqueue('daily-question-catch-up', { requestedAt });
  await waitForJobs(app.queues.queue('daily-question-catch-up'), [`daily-question-catch-up-${requestedAt}`]);
  const localDate = DateTime.fromJSDate(clock, { zone: ZONE }).toISODate();
  const postJob = `workspace-${await workspaceId()}-daily-question-${localDate}`;
  if ((await postQueue().getJobState(postJob)) !== 'unknown') await waitForJobs(postQueue(), [postJob]);
}

/** Calls that posted in the daily channel (a call Slack refused is recorded but posts nothing). */
function dailyPosts(): RecordedCall[] {
  return world.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === CHANNEL);
}

/** Messages that are in the daily channel now. */
function messagesInChannel(): number {
  return world.fake.messagesIn(CHANNEL).length;
}

async function storedPosts() {
  return world.db.dailyQuestionPost.findMany({ orderBy: { localDate: 'asc' }, include: { question: true } });
}

function buttons(call: RecordedCall): Array<{ action_id: string; value: string; text: { text: string } }> {
  const blocks = call.args.blocks as Array<{ type: string; elements?: unknown[] }>;
  return blocks.filter((each) => each.type === 'actions').flatMap((each) => each.elements as never[]);
}

// -------------------------------------------------------------------------------------- tests

describe('organizers set up the daily question in a modal', () => {
  it('Ben, who is not an organizer, is refused: no modal, and a forged submit saves nothing', async () => {
    const reply = await app.slack.command('U0BEN', '/mock', 'admin daily');
    expect(reply.status).toBe(200);
    const refusal = await world.fake.waitForResponse((response) =>
      String(response.body.text).includes('Only organizers'),
    );
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
    expect(world.fake.callsTo('views.open')).toHaveLength(0);

    const forged = await submitSettings('U0BEN');
    expect(forged.json).toMatchObject({
      response_action: 'errors',
      errors: { 'daily-channel': expect.stringContaining('Only organizers') },
    });
    expect(await world.db.dailyQuestionSettings.count()).toBe(0);
  });

  it('Ola, named in ORGANIZER_SLACK_IDS though not an admin, may open it', async () => {
    const view = await openSettings('U0OLA');
    expect(view.callback_id).toBe('daily-question-settings');
  });

  it('Ada, a workspace admin, opens it with first-time defaults on her own clock', async () => {
    const view = await openSettings('U0ADA');
    expect(block(view, 'daily-channel').element).toMatchObject({ type: 'conversations_select' });
    expect(block(view, 'daily-time').element).toMatchObject({ type: 'timepicker', initial_time: '09:00' });
    expect(block(view, 'daily-timezone').element).toMatchObject({
      type: 'external_select',
      action_id: 'timezone-search',
      initial_option: { value: ZONE },
    });
    const days = block(view, 'daily-weekdays').element as { initial_options: Array<{ value: string }> };
    expect(days.initial_options.map((each) => each.value)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(block(view, 'daily-enabled').element).toMatchObject({ initial_option: { value: 'on' } });
  });

  it('wrong input comes back as inline errors on the right fields, and nothing is saved or scheduled', async () => {
    const reply = await submitSettings('U0ADA', {
      channel: 'D0ADADM',
      time: '25:00',
      timezone: 'Mars/Olympus_Mons',
      weekdays: [],
      types: [],
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      response_action: 'errors',
      errors: {
        'daily-channel': expect.stringContaining('not a direct message'),
        'daily-time': expect.stringContaining('HH:MM'),
        'daily-timezone': expect.stringContaining('not a timezone'),
        'daily-weekdays': expect.stringContaining('at least one day'),
        'daily-types': expect.stringContaining('at least one interview type'),
      },
    });
    expect(await world.db.dailyQuestionSettings.count()).toBe(0);
    expect(await postQueue().getJobSchedulersCount()).toBe(0);
  });

  it('Ada saves: the settings are stored and a job scheduler fires at 09:00 New York on weekdays', async () => {
    const reply = await submitSettings('U0ADA');
    expect(reply.json).toMatchObject({ response_action: 'update' });
    const shown = JSON.stringify(reply.json);
    expect(shown).toContain('the daily question is on');
    // The next post, on the app's clock: Tuesday 10 March at 09:00 EDT.
    expect(shown).toContain(`<!date^${newYork('2026-03-10T09:00').getTime() / 1000}^`);

    expect(await world.db.dailyQuestionSettings.findFirstOrThrow()).toMatchObject({
      enabled: true,
      channelId: CHANNEL,
      localTime: '09:00',
      timezone: ZONE,
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      interviewTypes: ['execution', 'behavioural'],
      activeSince: clock,
      updatedBySlackUserId: 'U0ADA',
    });
    const scheduler = await postQueue().getJobScheduler(dailySchedulerId(await workspaceId()));
    expect(scheduler).toMatchObject({ pattern: '0 9 * * 1,2,3,4,5', tz: ZONE, name: 'post-daily-question' });
    // BullMQ's own next run (on real time) is 09:00 on a weekday in New York, summer time or not.
    const next = DateTime.fromMillis(scheduler!.next!, { zone: ZONE });
    expect(next.toFormat('HH:mm')).toBe('09:00');
    expect(next.weekday).toBeLessThanOrEqual(5);
  });
});

describe('the question of the day', () => {
  let tuesday: RecordedCall;

  it('at 09:00 on Tuesday the scheduler’s run joins the channel and posts the question', async () => {
    clock = newYork('2026-03-10T09:00:02');
    const jobId = await fireScheduler();
    await waitForJobs(postQueue(), [jobId]);

    expect(dailyPosts()).toHaveLength(1);
    tuesday = dailyPosts()[0]!;
    const joined = world.fake.calls.findIndex(
      (call) => call.method === 'conversations.join' && call.args.channel === CHANNEL,
    );
    expect(joined).toBeGreaterThanOrEqual(0);
    expect(joined).toBeLessThan(world.fake.calls.indexOf(tuesday));

    const [post] = await storedPosts();
    expect(post).toMatchObject({ localDate: '2026-03-10', interviewType: 'execution', channelId: CHANNEL });
    expect(post!.ts).not.toBeNull();
    // Sent through the one gateway like every other message: keyed (never twice) and paced.
    expect(
      await world.db.sentMessage.findUnique({
        where: { key: `workspace-${await workspaceId()}-daily-question-2026-03-10` },
      }),
    ).toMatchObject({ channelId: CHANNEL, ts: post!.ts });
    expect(String(tuesday.args.unfurl_links)).toBe('false');
    expect(executionPool.slice(0, 2)).toContain(post!.question.slug);
    const shown = JSON.stringify(tuesday.args.blocks);
    expect(shown).toContain('Question of the day');
    expect(shown).toContain('*Execution*');
    expect(shown).toContain('Answer in the thread');
    expect(buttons(tuesday).map((each) => [each.action_id, each.value])).toEqual([
      ['daily-question-practise', post!.questionId],
      ['daily-question-hint', post!.questionId],
    ]);
  });

  it('Cal presses Hint and alone sees the framework that fits and the question’s hint', async () => {
    const hint = buttons(tuesday).find((each) => each.action_id === 'daily-question-hint')!;
    await app.slack.blockAction('U0CAL', { actionId: hint.action_id, value: hint.value, channelId: CHANNEL });
    const answer = await world.fake.waitForResponse(
      (response) => response.name === 'action-daily-question-hint',
    );
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer.body.text)).toContain('North Star / HEART / AARRR');
    const [post] = await storedPosts();
    expect(String(answer.body.text)).toContain(post!.question.hint.slice(0, 30));
    expect(dailyPosts()).toHaveLength(1);
  });

  it('Cal presses "Practise this with a partner": the request modal opens with the type and level picked', async () => {
    const practise = buttons(tuesday).find((each) => each.action_id === 'daily-question-practise')!;
    const before = world.fake.callsTo('views.open').length;
    await app.slack.blockAction('U0CAL', {
      actionId: practise.action_id,
      value: practise.value,
      channelId: CHANNEL,
    });
    const [opened] = (await world.fake.waitForCalls('views.open', before + 1)).slice(before);
    const view = opened!.args.view as unknown as View;
    expect(view.callback_id).toBe('partner-request');
    const [post] = await storedPosts();
    expect(block(view, 'types').element).toMatchObject({ initial_options: [{ value: 'execution' }] });
    expect(block(view, 'level').element).toMatchObject({
      initial_option: { value: post!.question.levels[0] },
    });
    expect(JSON.stringify(view.blocks)).toContain('America/Chicago');
  });

  it('two runs at once on Wednesday (the scheduler’s and a catch-up) post once; a third run later posts nothing', async () => {
    clock = newYork('2026-03-11T09:00:01');
    const workspace = await workspaceId();
    const [scheduled, caughtUp] = await Promise.all([
      fireScheduler(),
      app.queues.enqueue('post-daily-question', { workspaceId: workspace, localDate: '2026-03-11' }),
    ]);
    await waitForJobs(postQueue(), [scheduled, caughtUp]);
    expect(messagesInChannel()).toBe(2);

    clock = newYork('2026-03-11T17:30');
    const again = await app.queues.enqueue('post-daily-question', { workspaceId: workspace });
    await waitForJobs(postQueue(), [again]);
    expect(messagesInChannel()).toBe(2);
    const wednesday = (await storedPosts()).filter((post) => post.localDate === '2026-03-11');
    expect(wednesday).toHaveLength(1);
    // Types take turns: Tuesday execution, Wednesday behavioural.
    expect(wednesday[0]!.interviewType).toBe('behavioural');
  });

  it('rotates: types take turns, and no execution question repeats until both have been posted', async () => {
    for (const day of ['2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16']) {
      clock = newYork(`${day}T09:05`);
      await catchUp();
    }
    const posts = await storedPosts();
    // Saturday 14 and Sunday 15 are not posting days.
    expect(posts.map((post) => [post.localDate, post.interviewType])).toEqual([
      ['2026-03-10', 'execution'],
      ['2026-03-11', 'behavioural'],
      ['2026-03-12', 'execution'],
      ['2026-03-13', 'behavioural'],
      ['2026-03-16', 'execution'],
    ]);
    const [tue, wed, thu, fri, mon] = posts.map((post) => post.questionId);
    expect(thu).not.toBe(tue);
    expect(fri).not.toBe(wed);
    // Both execution questions have been posted, so the one posted longest ago comes back.
    expect(mon).toBe(tue);
    expect(messagesInChannel()).toBe(5);
  });

  it('after an outage, a restart posts today’s question once and never the days it missed', async () => {
    // Down from Monday evening to Thursday afternoon: Tuesday’s, Wednesday’s and Thursday’s 09:00 passed.
    await restartApp(newYork('2026-03-19T15:00'));
    await waitForJobs(postQueue(), [`workspace-${await workspaceId()}-daily-question-2026-03-19`]);
    const dates = (await storedPosts()).map((post) => post.localDate);
    expect(dates.slice(-2)).toEqual(['2026-03-16', '2026-03-19']);
    expect(messagesInChannel()).toBe(6);

    await restartApp(newYork('2026-03-19T18:00'));
    expect(messagesInChannel()).toBe(6);

    // Friday before 09:00: nothing is owed yet.
    await restartApp(newYork('2026-03-20T08:30'));
    expect(messagesInChannel()).toBe(6);
    expect(await world.db.dailyQuestionPost.count()).toBe(6);
  });

  it('Slack rate-limits Friday’s post: the retry posts it, once', async () => {
    world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    clock = newYork('2026-03-20T09:00:05');
    await catchUp();
    expect(messagesInChannel()).toBe(7);
    const friday = await world.db.dailyQuestionPost.findFirstOrThrow({ where: { localDate: '2026-03-20' } });
    expect(friday.ts).not.toBeNull();
  });

  it('Slack refuses Monday’s post for good: the day is given up and Ada, who set it up, is told why', async () => {
    world.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    clock = newYork('2026-03-23T09:00:05');
    const requestedAt = clock.getTime();
    await app.queues.enqueue('daily-question-catch-up', { requestedAt });
    await waitForJobs(app.queues.queue('daily-question-catch-up'), [
      `daily-question-catch-up-${requestedAt}`,
    ]);
    const postJob = `workspace-${await workspaceId()}-daily-question-2026-03-23`;
    await expect(waitForJobs(postQueue(), [postJob])).rejects.toThrow(
      /refused the daily question: not_in_channel/,
    );

    expect(
      await world.db.dailyQuestionPost.findFirstOrThrow({ where: { localDate: '2026-03-23' } }),
    ).toMatchObject({
      ts: null,
      failedWith: 'not_in_channel',
    });
    const told = await world.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'U0ADA');
    expect(String(told.args.text)).toContain('could not post today’s question of the day');
    expect(String(told.args.text)).toContain('/invite @mockingbird');

    clock = newYork('2026-03-23T12:00');
    const again = await app.queues.enqueue('post-daily-question', { workspaceId: await workspaceId() });
    await waitForJobs(postQueue(), [again]);
    expect(messagesInChannel()).toBe(7);
  });

  it('turning it off removes the scheduler, and a due moment then posts nothing', async () => {
    const reply = await submitSettings('U0ADA', { enabled: 'off' });
    expect(JSON.stringify(reply.json)).toContain('the daily question is off');
    expect(await postQueue().getJobScheduler(dailySchedulerId(await workspaceId()))).toBeUndefined();
    clock = newYork('2026-03-24T09:10');
    await catchUp();
    expect(messagesInChannel()).toBe(7);
    expect(await world.db.dailyQuestionPost.count({ where: { localDate: '2026-03-24' } })).toBe(0);
  });
});
