import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import { syncBuiltInQuestions } from '../../src/store/question-bank.ts';
import type { RecordedResponse } from '../harness/fake-slack.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(async () => {
  // Test databases are cloned without the bank; the app syncs it at start-up in production.
  await syncBuiltInQuestions(ctx.world.db, (await loadBank()).questions);
  ctx.world.fake.setUser('U0DEV', { tz: 'America/New_York' });
});

/** Runs `/mock question …` as `user` and returns the private answer sent to its response_url. */
async function ask(user: string, text: string): Promise<RecordedResponse> {
  const before = ctx.world.fake.responses.length;
  const reply = await ctx.app.slack.command(user, '/mock', `question ${text}`.trim());
  expect(reply.status).toBe(200);
  expect(reply.body).toBe('');
  return ctx.world.fake.waitForResponse((response) => ctx.world.fake.responses.indexOf(response) >= before);
}

/** Every text in a message, as Slack would show it (escaped as our blocks escape it). */
function shownText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (Array.isArray(body)) return body.map(shownText).join('\n');
  if (body && typeof body === 'object') return Object.values(body).map(shownText).join('\n');
  return '';
}

const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

async function servedTo(user: string) {
  return ctx.world.db.promptServed.findMany({
    where: { member: { slackUserId: user } },
    include: { question: true },
    orderBy: { servedAt: 'asc' },
  });
}

describe('/mock question: a private prompt to practise alone', () => {
  it('Dev asks for a senior execution question and gets one privately, with follow-ups, rubric hints and a hint', async () => {
    const response = await ask('U0DEV', 'execution senior');

    expect(response.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const [served] = await servedTo('U0DEV');
    expect(served).toMatchObject({ purpose: 'SOLO', question: { type: 'execution' } });
    expect(served!.question.levels).toContain('SENIOR');
    const shown = shownText(response.body);
    expect(shown).toContain(escaped(served!.question.text.split('\n')[0]!));
    expect(shown).toContain(escaped(served!.question.followUps[0]!));
    expect(shown).toContain(escaped(served!.question.rubricHints[0]!));
    expect(shown).toContain('North Star / HEART / AARRR');
    expect(shown).toContain('Only you can see this');
  });

  it('does not give Dev the same question again while the pool has others', async () => {
    await ask('U0DEV', 'senior execution');
    await ask('U0DEV', 'exec senior');
    const served = await servedTo('U0DEV');
    expect(served).toHaveLength(3);
    expect(new Set(served.map((each) => each.questionId)).size).toBe(3);
  });

  it('without a type, picks one Dev has practised least, at the level from his words', async () => {
    const response = await ask('U0DEV', 'staff');
    const served = await servedTo('U0DEV');
    const last = served.at(-1)!;
    expect(last.question.type).not.toBe('execution');
    expect(last.question.levels).toContain('STAFF');
    expect(shownText(response.body)).toContain(escaped(last.question.text.split('\n')[0]!));
  });

  it('a word that is neither a type nor a level gets a usage message naming it, and nothing is served', async () => {
    const before = (await servedTo('U0DEV')).length;
    const response = await ask('U0DEV', 'execution dance');
    expect(response.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(response.body.text)).toContain('`dance` is not an interview type or a level');
    expect(String(response.body.text)).toContain('/mock question [type] [level]');
    expect(await servedTo('U0DEV')).toHaveLength(before);
  });
});
