import { beforeAll, expect, it } from 'vitest';
import type { Json } from '../harness/fake-slack.ts';
import { dmsTo, textOf } from '../harness/slack-messages.ts';
import { useTestApp } from '../harness/use-test-app.ts';
import { blockKitProblems } from './block-kit-limits.ts';

/** Before the session, the interviewee tells the interviewer what they are aiming for. */
const ctx = useTestApp({ env: { SESSION_NOW_LEAD_SECONDS: '600' } });

beforeAll(() => {
  for (const user of ['U0CY', 'U0DEE']) ctx.world.fake.setUser(user, { tz: 'Europe/London' });
});

const dmsOf = (user: string) => dmsTo(ctx.world.fake, user);

const briefState = (fields: { company?: string; level?: string; focus?: string; mode?: string }) => ({
  values: {
    'brief-company': { value: { type: 'plain_text_input', value: fields.company ?? null } },
    'brief-level': {
      value: { type: 'static_select', selected_option: fields.level ? { value: fields.level } : null },
    },
    'brief-focus': { value: { type: 'plain_text_input', value: fields.focus ?? null } },
    'brief-mode': {
      value: { type: 'radio_buttons', selected_option: fields.mode ? { value: fields.mode } : null },
    },
  },
});

it('Dee briefs Cy from the intro: checked inline, delivered privately, and again when corrected', async () => {
  await ctx.app.slack.command('U0CY', '/mock', 'strategy senior now');
  await ctx.app.slack.command('U0DEE', '/mock', 'strategy senior now');
  const intro = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
    textOf(call).includes('It is on'),
  );
  const button = (
    (intro.args.blocks as Json[]).find((block) => block.type === 'actions')!.elements as Json[]
  ).find((element) => (element.text as Json).text === 'Brief your interviewer')!;

  const before = ctx.world.fake.callsTo('views.open').length;
  await ctx.app.slack.blockAction('U0DEE', {
    actionId: String(button.action_id),
    value: String(button.value),
    channelId: String(intro.args.channel),
  });
  const [opened] = (await ctx.world.fake.waitForCalls('views.open', before + 1)).slice(before);
  const view = opened!.args.view as unknown as {
    callback_id: string;
    private_metadata: string;
    blocks: Json[];
  };
  expect(blockKitProblems(view)).toEqual([]);
  expect(JSON.stringify(view)).toContain('Only <@U0CY> sees this');

  const incomplete = await ctx.app.slack.viewSubmission('U0DEE', {
    ...view,
    state: briefState({ level: 'SENIOR' }),
  });
  expect(incomplete.json).toMatchObject({
    response_action: 'errors',
    errors: { 'brief-mode': expect.any(String) },
  });

  const sent = await ctx.app.slack.viewSubmission('U0DEE', {
    ...view,
    state: briefState({
      company: 'Acme <Pay>',
      level: 'STAFF',
      focus: 'Market sizing & pricing',
      mode: 'pressure',
    }),
  });
  expect(JSON.stringify(sent.json)).toContain('Sent: <@U0CY> gets it');
  const brief = await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
    textOf(call).includes('Brief from <@U0DEE>'),
  );
  expect(dmsOf('U0CY')).toContain(brief);
  expect(textOf(brief)).toContain('Staff/Principal at Acme &lt;Pay&gt;');
  expect(textOf(brief)).toContain('Market sizing &amp; pricing');
  expect(textOf(brief)).toContain('Pressure mode');
  expect(dmsOf('U0DEE').some((call) => textOf(call).includes('Brief from'))).toBe(false);

  await ctx.app.slack.viewSubmission('U0DEE', {
    ...view,
    state: briefState({ level: 'STAFF', mode: 'learning' }),
  });
  await ctx.world.fake.waitForCall('chat.postMessage', (call) =>
    textOf(call).includes('Updated brief from <@U0DEE>'),
  );
  // Each revision once, however often the jobs run.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(
    ctx.world.fake.callsTo('chat.postMessage').filter((call) => textOf(call).includes('rief from <@U0DEE>')),
  ).toHaveLength(2);
});
