import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

const OTHER_HINT = 'Private hint of the other workspace';
const OWN_HINT = 'Our own hint, for our members';
let otherQuestionId = '';
let ownQuestionId = '';

beforeAll(async () => {
  const question = (workspaceId: string, slug: string, hint: string) => ({
    workspaceId,
    slug,
    type: 'execution',
    topic: 'metrics',
    levels: ['PM', 'SENIOR'],
    text: `Weekly active teams fell 12% (${slug}). What do you look at first?`,
    followUps: ['What would you ask the data team?', 'How would you size it?'],
    rubricHints: ['Separates mix from rate'],
    hint,
    source: 'WORKSPACE' as const,
  });
  const other = await ctx.world.db.workspace.create({ data: { slackTeamId: 'T0OTHER' } });
  const own = await ctx.world.db.workspace.upsert({
    where: { slackTeamId: TEST_TEAM_ID },
    create: { slackTeamId: TEST_TEAM_ID },
    update: {},
  });
  otherQuestionId = (await ctx.world.db.question.create({ data: question(other.id, 'ex-other', OTHER_HINT) }))
    .id;
  ownQuestionId = (await ctx.world.db.question.create({ data: question(own.id, 'ex-own', OWN_HINT) })).id;
});

async function pressHint(questionId: string): Promise<string> {
  const before = ctx.world.fake.responses.length;
  await ctx.app.slack.blockAction('U0EVE', {
    actionId: 'daily-question-hint',
    value: questionId,
    channelId: 'C0DAILY',
  });
  const started = Date.now();
  while (ctx.world.fake.responses.length <= before) {
    if (Date.now() - started > 5_000) throw new Error('no answer to the press');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.stringify(ctx.world.fake.responses[before]!.body);
}

describe('a daily question button with another workspace’s question id', () => {
  it('Hint does not show another workspace’s private hint', async () => {
    const answer = await pressHint(otherQuestionId);
    expect(answer).not.toContain(OTHER_HINT);
    expect(answer).toContain('no longer in the bank');
  });

  it('Hint still shows the workspace’s own question', async () => {
    expect(await pressHint(ownQuestionId)).toContain(OWN_HINT);
  });

  it('"Practise this" does not open a form from another workspace’s question', async () => {
    const opened = ctx.world.fake.callsTo('views.open').length;
    const before = ctx.world.fake.responses.length;
    await ctx.app.slack.blockAction('U0EVE', {
      actionId: 'daily-question-practise',
      value: otherQuestionId,
      channelId: 'C0DAILY',
    });
    const started = Date.now();
    while (ctx.world.fake.responses.length <= before && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(JSON.stringify(ctx.world.fake.responses[before]?.body)).toContain('no longer in the bank');
    expect(ctx.world.fake.callsTo('views.open')).toHaveLength(opened);
  });
});
