import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import { syncBuiltInQuestions } from '../../src/store/question-bank.ts';
import type { Json, RecordedCall } from '../harness/fake-slack.ts';
import type { SlackReply } from '../harness/slack-requests.ts';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';
import { blockKitProblems } from './block-kit-limits.ts';

/**
 * The workspace's own questions end to end: Ada, a workspace admin, opens `/mock admin questions`,
 * adds a question (fixing what the form points out), edits it, imports more from a CSV with a
 * per-row report, and retires and restores one while Dev practises with `/mock question`. Ben, a
 * member, is refused however he asks, and nobody can change a built-in question.
 */
const ctx = useTestApp();

/** The list modal the presses come from; the fake adopts an id it never issued. */
const LIST_VIEW_ID = 'V0QLIST';

beforeAll(async () => {
  // Test databases are cloned without the bank; the app syncs it at start-up in production.
  await syncBuiltInQuestions(ctx.world.db, (await loadBank()).questions);
  // No built-in technical question for Directors, so one imported for them is the only one there.
  await ctx.world.db.question.updateMany({
    where: { workspaceId: null, type: 'technical', levels: { has: 'DIRECTOR' } },
    data: { retiredAt: new Date() },
  });
  ctx.world.fake.setUser('U0ADA', { tz: 'Europe/London', is_admin: true });
  ctx.world.fake.setUser('U0BEN', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0DEV', { tz: 'America/New_York' });
});

// ------------------------------------------------------------------------------------ helpers

type View = { callback_id?: string; private_metadata?: string; blocks: Json[] };

const textOf = (value: unknown) => JSON.stringify(value);

/** Runs `action` and returns the next call to `method` it causes. */
async function nextCall(method: string, action: () => Promise<SlackReply>): Promise<RecordedCall> {
  const before = ctx.world.fake.callsTo(method).length;
  const reply = await action();
  expect(reply.status).toBe(200);
  const calls = await ctx.world.fake.waitForCalls(method, before + 1);
  return calls[before]!;
}

async function openList(user: string): Promise<View> {
  const call = await nextCall('views.open', () => ctx.app.slack.command(user, '/mock', 'admin questions'));
  return call.args.view as unknown as View;
}

/** A press in the list modal (page 0), as Slack sends it. */
function press(user: string, actionId: string, value?: string) {
  return ctx.app.slack.blockAction(user, {
    actionId,
    ...(value ? { value } : {}),
    view: { id: LIST_VIEW_ID, callback_id: 'question-admin-list', private_metadata: '{"page":0}' },
  });
}

function buttons(view: View): Array<{ action_id: string; value?: string; text: { text: string } }> {
  return view.blocks.flatMap((block) =>
    ((block.elements ?? []) as Json[]).filter((each) => each.type === 'button'),
  ) as never;
}

function inputBlock(view: View, blockId: string): Json {
  const found = view.blocks.find((each) => each.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

interface FormInput {
  type?: string | null;
  from?: string | null;
  to?: string | null;
  text?: string;
  followUps?: string;
  rubricHints?: string;
  hint?: string;
}

const TEXT = 'Checkout conversion on mobile fell 12% in a week while desktop held steady. Find out why.';
const VALID: Required<FormInput> = {
  type: 'execution',
  from: 'SENIOR',
  to: 'STAFF',
  text: TEXT,
  followUps:
    'What would you rule out in the first hour, and how?\nWhich segment would you cut the data by first?',
  rubricHints: 'Segments before solving\nSeparates instrumentation bugs from real change',
  hint: 'Start with the data: is the drop real? Then split by platform, version, country and step of the funnel.',
};

/** The form's state as Slack sends it on submit. */
function formState(input: FormInput) {
  const fields = { ...VALID, ...input };
  const select = (value: string | null) => ({
    value: { type: 'static_select', selected_option: value ? { value } : null },
  });
  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  return {
    values: {
      'question-type': select(fields.type),
      'question-level-from': select(fields.from),
      'question-level-to': select(fields.to),
      'question-text': text(fields.text),
      'question-follow-ups': text(fields.followUps),
      'question-rubric-hints': text(fields.rubricHints),
      'question-hint': text(fields.hint),
    },
  };
}

function submitForm(user: string, input: FormInput, questionId?: string) {
  return ctx.app.slack.viewSubmission(user, {
    callback_id: 'question-admin-form',
    private_metadata: JSON.stringify({ ...(questionId ? { questionId } : {}), page: 0 }),
    previous_view_id: LIST_VIEW_ID,
    state: formState(input),
  });
}

function submitImport(user: string, text: string) {
  return ctx.app.slack.viewSubmission(user, {
    callback_id: 'question-admin-import',
    private_metadata: '{"page":0}',
    previous_view_id: LIST_VIEW_ID,
    state: { values: { 'question-import-text': { value: { type: 'plain_text_input', value: text } } } },
  });
}

/** The questions of Ada's workspace (the harness's team), oldest first. */
function ownQuestions() {
  return ctx.world.db.question.findMany({
    where: { workspace: { slackTeamId: TEST_TEAM_ID } },
    orderBy: { createdAt: 'asc' },
  });
}

/** The list as redrawn in place after `action` (a save, a retire or an import), and the reply. */
async function redrawnList(action: () => Promise<SlackReply>): Promise<{ list: View; reply: SlackReply }> {
  let reply: SlackReply | undefined;
  const call = await nextCall('views.update', async () => {
    reply = await action();
    return reply;
  });
  expect(call.args.view_id).toBe(LIST_VIEW_ID);
  return { list: call.args.view as unknown as View, reply: reply! };
}

/** The view a submission's answer replaces the modal with (`response_action: update`). */
function updatedView(reply: SlackReply): View {
  expect(reply.json).toMatchObject({ response_action: 'update' });
  return (reply.json as { view: View }).view;
}

/** A notice stacked on the list: a refusal or a failure told in a small modal. */
async function notice(action: () => Promise<SlackReply>): Promise<string> {
  const call = await nextCall('views.push', action);
  const view = call.args.view as unknown as View;
  expect(view.callback_id).toBeUndefined();
  return textOf(view.blocks);
}

/** Dev's `/mock question …`; returns the slug of the question he was given. */
async function practise(text: string): Promise<string> {
  const before = await ctx.world.db.promptServed.count();
  await ctx.app.slack.command('U0DEV', '/mock', `question ${text}`);
  await expect.poll(() => ctx.world.db.promptServed.count()).toBe(before + 1);
  const served = await ctx.world.db.promptServed.findFirstOrThrow({
    orderBy: { servedAt: 'desc' },
    include: { question: true },
  });
  return served.question.slug;
}

// -------------------------------------------------------------------------------------- tests

describe('only organizers manage the workspace’s questions', () => {
  it('Ben, a member, is refused at /mock admin questions: an answer saying who can, and no modal', async () => {
    await ctx.app.slack.command('U0BEN', '/mock', 'admin questions');
    const refusal = await ctx.world.fake.waitForResponse((response) =>
      String(response.body.text).includes('Only organizers'),
    );
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
    expect(ctx.world.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('a form or an import Ben forges is refused on the server, and nothing is stored', async () => {
    const form = await submitForm('U0BEN', {});
    expect(form.json).toMatchObject({
      response_action: 'errors',
      errors: { 'question-type': expect.stringContaining('Only organizers') },
    });
    const imported = await submitImport('U0BEN', 'type,text\nexecution,x');
    expect(imported.json).toMatchObject({
      response_action: 'errors',
      errors: { 'question-import-text': expect.stringContaining('Only organizers') },
    });
    expect(await ownQuestions()).toEqual([]);
  });

  it('an "Add question" press Ben forges gets a notice, not the form', async () => {
    expect(await notice(() => press('U0BEN', 'question-admin-add'))).toContain('Only organizers');
  });
});

describe('Ada adds a question in the form, then edits it', () => {
  let questionId = '';

  it('opens the list: nothing of the workspace’s own yet, beside the built-in bank, with Add and Import', async () => {
    const view = await openList('U0ADA');
    expect(view.callback_id).toBe('question-admin-list');
    expect(textOf(view.blocks)).toContain('no questions of its own yet');
    expect(textOf(view.blocks)).toMatch(/beside the \d+ built-in questions/);
    expect(buttons(view).map((each) => each.action_id)).toEqual([
      'question-admin-add',
      'question-admin-import',
    ]);
    expect(blockKitProblems(view as never)).toEqual([]);
  });

  it('"Add question" stacks an empty form: type, level range, text, follow-ups, rubric hints, hint', async () => {
    const call = await nextCall('views.push', () => press('U0ADA', 'question-admin-add'));
    const form = call.args.view as unknown as View;
    expect(form.callback_id).toBe('question-admin-form');
    expect(form.blocks.map((block) => block.block_id)).toEqual([
      'question-type',
      'question-level-from',
      'question-level-to',
      'question-text',
      'question-follow-ups',
      'question-rubric-hints',
      'question-hint',
    ]);
    expect(inputBlock(form, 'question-follow-ups').element).toMatchObject({ multiline: true });
    expect(textOf(inputBlock(form, 'question-follow-ups').hint)).toContain('2 to 4');
    expect(blockKitProblems(form as never)).toEqual([]);
  });

  it('gets each problem back inline, next to its field, with the bank’s own limits; nothing is saved', async () => {
    const reply = await submitForm('U0ADA', {
      from: 'STAFF',
      to: 'PM',
      text: 'Why did it drop?',
      followUps: 'What would you rule out in the first hour, and how?',
      rubricHints: 'Segments before solving\n\nShort',
    });
    expect(reply.json).toEqual({
      response_action: 'errors',
      errors: {
        'question-level-to': expect.stringContaining('same as the lowest or above'),
        'question-text': 'Must be 40-280 characters; it has 16.',
        'question-follow-ups': 'One per line: must have 2-4 items; it has 1.',
        'question-rubric-hints': 'Line 2: must be 10-80 characters; it has 5.',
      },
    });
    expect(await ownQuestions()).toEqual([]);
  });

  it('saves a valid form: the form closes, the question gets an id from its text, the list shows it', async () => {
    const { list, reply } = await redrawnList(() => submitForm('U0ADA', {}));
    expect(reply.body).toBe('');
    const [saved] = await ownQuestions();
    expect(saved).toMatchObject({
      slug: 'ex-checkout-conversion-mobile-fell-12-week',
      type: 'execution',
      levels: ['SENIOR', 'STAFF'],
      text: TEXT,
      followUps: VALID.followUps.split('\n'),
      source: 'WORKSPACE',
      retiredAt: null,
    });
    expect(saved?.workspaceId).not.toBeNull();
    questionId = saved!.id;
    expect(textOf(list.blocks)).toContain('Checkout conversion on mobile fell 12%');
    expect(
      buttons(list)
        .filter((each) => each.value === questionId)
        .map((each) => each.text.text),
    ).toEqual(['Edit', 'Retire']);
  });

  it('"Edit" stacks the form filled in as stored; a save changes the question and keeps its id', async () => {
    const call = await nextCall('views.push', () => press('U0ADA', 'question-admin-edit', questionId));
    const form = call.args.view as unknown as View;
    expect(JSON.parse(form.private_metadata ?? '')).toEqual({ questionId, page: 0 });
    expect(inputBlock(form, 'question-text').element).toMatchObject({ initial_value: TEXT });
    expect(inputBlock(form, 'question-follow-ups').element).toMatchObject({ initial_value: VALID.followUps });
    expect(inputBlock(form, 'question-level-to').element).toMatchObject({
      initial_option: { value: 'STAFF' },
    });

    await redrawnList(() =>
      submitForm('U0ADA', { from: 'STAFF', to: null, text: `${TEXT} Be concrete.` }, questionId),
    );
    const [edited, ...others] = await ownQuestions();
    expect(others).toEqual([]);
    expect(edited).toMatchObject({
      id: questionId,
      slug: 'ex-checkout-conversion-mobile-fell-12-week',
      levels: ['STAFF'],
      text: `${TEXT} Be concrete.`,
    });
  });

  it('Ben’s forged presses and edit are refused, and the question is unchanged', async () => {
    expect(await notice(() => press('U0BEN', 'question-admin-edit', questionId))).toContain(
      'Only organizers',
    );
    expect(await notice(() => press('U0BEN', 'question-admin-retire', questionId))).toContain(
      'Only organizers',
    );
    const forged = await submitForm('U0BEN', { text: `${TEXT} Hijacked.` }, questionId);
    expect(textOf(forged.json)).toContain('Only organizers');
    expect(await ctx.world.db.question.findUniqueOrThrow({ where: { id: questionId } })).toMatchObject({
      text: `${TEXT} Be concrete.`,
      retiredAt: null,
    });
  });

  it('a built-in question cannot be edited or retired, even by Ada through a forged press or submission', async () => {
    const builtIn = await ctx.world.db.question.findFirstOrThrow({
      where: { workspaceId: null, retiredAt: null },
    });
    expect(await notice(() => press('U0ADA', 'question-admin-edit', builtIn.id))).toContain(
      'Built-in questions come from Mockingbird’s bank',
    );
    expect(await notice(() => press('U0ADA', 'question-admin-retire', builtIn.id))).toContain(
      'Built-in questions',
    );
    const forged = await submitForm('U0ADA', { text: `${TEXT} Rewritten.` }, builtIn.id);
    expect(forged.json).toMatchObject({
      response_action: 'errors',
      errors: { 'question-type': expect.stringContaining('Built-in questions') },
    });
    expect(await ctx.world.db.question.findUniqueOrThrow({ where: { id: builtIn.id } })).toEqual(builtIn);
  });

  it('nor can another workspace’s question, or a value that is no question id at all', async () => {
    const other = await ctx.world.db.workspace.create({ data: { slackTeamId: 'T0OTHER' } });
    const theirs = await ctx.world.db.question.create({
      data: {
        workspaceId: other.id,
        source: 'WORKSPACE',
        slug: 'ex-theirs',
        type: 'execution',
        topic: 'workspace',
        levels: ['PM'],
        text: TEXT,
        followUps: VALID.followUps.split('\n'),
        rubricHints: ['Segments before solving'],
        hint: VALID.hint,
      },
    });
    expect(await notice(() => press('U0ADA', 'question-admin-retire', theirs.id))).toContain(
      'not one of this workspace’s own',
    );
    expect(await notice(() => press('U0ADA', 'question-admin-edit', 'not-a-uuid'))).toContain(
      'not one of this workspace’s own',
    );
    expect(
      (await ctx.world.db.question.findUniqueOrThrow({ where: { id: theirs.id } })).retiredAt,
    ).toBeNull();
  });
});

describe('Ada imports questions from a CSV', () => {
  const DIRECTOR_TEXT =
    'Explain to a board member how you would decide whether to build or buy a search engine for the product.';
  const CSV = [
    'type,levels,text,followUp1,followUp2,rubricHint1,hint',
    `technical,DIRECTOR,"${DIRECTOR_TEXT}","What would make you change your mind later, and how would you notice?","Which costs does the board usually not see, and who pays them?",Names the trade-off,"Frame it as cost of ownership over three years: team, latency, relevance tuning and lock-in, then decide."`,
    'execution,SENIOR,Too short,"Only one follow-up, which is not enough",,Quantifies impact,"A hint that is long enough to pass the minimum of forty characters."',
    `strategy,"PM, CEO","A grocery chain asks whether to launch its own delivery app or partner with an existing one.","Who owns the customer relationship in each option?","What would the first year's numbers need to show?",Names the trade-off,"Weigh control of the customer and the data against speed and cost, then say what you would test first."`,
    `behavioural,STAFF,"Tell me about a time you changed a senior colleague's mind with data, and what it cost you.","What would you do differently with hindsight?","How did the relationship look a month later?",Shows the cost honestly,"STAR, with most of the time on the action and the result; name the cost and what you learned from it."`,
  ].join('\n');

  it('"Import CSV or YAML…" stacks a paste form that says Slack takes 3000 characters and suggests splitting', async () => {
    const call = await nextCall('views.push', () => press('U0ADA', 'question-admin-import'));
    const form = call.args.view as unknown as View;
    expect(form.callback_id).toBe('question-admin-import');
    const input = inputBlock(form, 'question-import-text');
    expect(input.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    expect(textOf(input.hint)).toContain('at most 3000 characters');
    expect(textOf(input.hint)).toContain('split a longer file');
    expect(blockKitProblems(form as never)).toEqual([]);
  });

  it('imports the good rows and reports every bad one by row, id, text and field', async () => {
    const { list, reply } = await redrawnList(() => submitImport('U0ADA', CSV));
    const report = updatedView(reply);
    expect(blockKitProblems(report as never)).toEqual([]);
    const shown = textOf(report.blocks);
    expect(shown).toContain('Imported 2 of 4 rows');
    expect(shown).toContain('2 added, 0 updated, 0 unchanged');
    expect(shown).toContain('Row 3');
    expect(shown).toContain('text: must be 40-280 characters; it has 9');
    expect(shown).toContain('followUps: must have 2-4 items; it has 1');
    expect(shown).toContain('Row 4');
    expect(shown).toContain('levels[1]: “CEO” is not a level');
    expect(shown).toContain('A grocery chain asks whether');

    const slugs = (await ownQuestions()).map((question) => question.slug);
    expect(slugs).toEqual([
      'ex-checkout-conversion-mobile-fell-12-week',
      'te-explain-board-member-decide-whether-build',
      'bh-tell-time-changed-senior-colleagues-mind',
    ]);
    expect(textOf(list.blocks)).toContain('te-explain-board-member-decide-whether-build');
  });

  it('importing the same text again changes nothing', async () => {
    const before = await ownQuestions();
    const reply = await submitImport('U0ADA', CSV);
    const shown = textOf(updatedView(reply).blocks);
    expect(shown).toContain('0 added, 0 updated, 2 unchanged');
    expect(await ownQuestions()).toEqual(before);
  });

  it('a paste it cannot read at all is said inline, and nothing is imported', async () => {
    const reply = await submitImport('U0ADA', 'type,question,hint\nexecution,x,y');
    expect(reply.json).toMatchObject({
      response_action: 'errors',
      errors: { 'question-import-text': expect.stringContaining('column “question”') },
    });
    expect(await ownQuestions()).toHaveLength(3);
  });

  it('takes YAML too, such as a copy of a bank file', async () => {
    const yaml = [
      'type: strategy',
      'questions:',
      '  - id: st-own-marketplace',
      '    topic: pricing',
      '    levels: [SENIOR]',
      '    text: A marketplace for used bikes wants to charge sellers for the first time. How would you do it?',
      '    followUps:',
      '      - Which sellers would you expect to leave, and is that acceptable?',
      '      - How would you test the price before rolling it out?',
      '    rubricHints: [Names the trade-off]',
      '    hint: Segment sellers by volume, model who leaves at each price, and test in one city first.',
    ].join('\n');
    const reply = await submitImport('U0ADA', yaml);
    expect(textOf(updatedView(reply).blocks)).toContain('Imported 1 of 1 question');
    expect(await ctx.world.db.question.findFirst({ where: { slug: 'st-own-marketplace' } })).toMatchObject({
      type: 'strategy',
      topic: 'pricing',
      source: 'WORKSPACE',
    });
  });
});

describe('the workspace’s questions are asked, until retired', () => {
  const IMPORTED = 'te-explain-board-member-decide-whether-build';

  it('Dev asks for a technical question at Director level and gets the imported one, the only one there', async () => {
    expect(await practise('technical director')).toBe(IMPORTED);
  });

  it('Ada retires it: the list offers Restore, and Dev is given another question', async () => {
    const id = (await ctx.world.db.question.findFirstOrThrow({ where: { slug: IMPORTED } })).id;
    const { list } = await redrawnList(() => press('U0ADA', 'question-admin-retire', id));
    expect(
      buttons(list)
        .filter((each) => each.value === id)
        .map((each) => each.text.text),
    ).toEqual(['Edit', 'Restore']);
    expect(textOf(list.blocks)).toContain('retired');
    expect((await ctx.world.db.question.findUniqueOrThrow({ where: { id } })).retiredAt).not.toBeNull();
    expect(await practise('technical director')).not.toBe(IMPORTED);
  });

  it('Ada restores it, and it is asked again', async () => {
    const id = (await ctx.world.db.question.findFirstOrThrow({ where: { slug: IMPORTED } })).id;
    const { list } = await redrawnList(() => press('U0ADA', 'question-admin-restore', id));
    expect(
      buttons(list)
        .filter((each) => each.value === id)
        .map((each) => each.text.text),
    ).toEqual(['Edit', 'Retire']);
    expect(await practise('technical director')).toBe(IMPORTED);
  });
});
