import { beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../../src/domain/matching/types.ts';
import { loadBank } from '../../src/domain/question-bank/load-bank.ts';
import { dailyQuestionMessage } from '../../src/slack/blocks/daily-question.ts';
import { syncBuiltInQuestions } from '../../src/store/question-bank.ts';
import type { Json } from '../harness/fake-slack.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * Shortcuts end to end: Ana starts from Slack's shortcut menu instead of typing `/mock`, and Bo
 * uses "Practise this question" on the daily post and on a question a colleague shared.
 */
const ctx = useTestApp();

beforeAll(async () => {
  await syncBuiltInQuestions(ctx.world.db, (await loadBank()).questions);
  ctx.world.fake.setUser('U0ANA', { tz: 'America/New_York' });
  ctx.world.fake.setUser('U0BO', { tz: 'Asia/Kathmandu' });
});

type ModalView = { callback_id: string; blocks: Json[] };

function block(view: ModalView, blockId: string): Json {
  const found = view.blocks.find((each) => each.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

/** Runs `send` and returns the modal it opened. */
async function modalOpenedBy(send: () => Promise<{ status: number }>): Promise<ModalView> {
  const before = ctx.world.fake.callsTo('views.open').length;
  const reply = await send();
  expect(reply.status).toBe(200);
  const calls = await ctx.world.fake.waitForCalls('views.open', before + 1);
  return calls[before]!.args.view as unknown as ModalView;
}

describe('the "Find a practice partner" global shortcut', () => {
  it('opens the same request modal as bare /mock, in the member’s timezone', async () => {
    const view = await modalOpenedBy(() => ctx.app.slack.shortcut('U0ANA', 'find_partner'));
    expect(view.callback_id).toBe('partner-request');
    expect(JSON.stringify(view.blocks)).toContain('America/New_York');
    expect(block(view, 'level').element).toMatchObject({ initial_option: { value: 'PM' } });
  });
});

describe('the "Practise this question" message shortcut', () => {
  it('on the daily post: the modal has the question’s type and a level it is written for', async () => {
    const question = await ctx.world.db.question.findFirstOrThrow({
      where: { workspaceId: null, type: 'strategy', retiredAt: null },
    });
    const post = dailyQuestionMessage(
      { id: question.id, text: question.text, levels: question.levels as Level[], hint: question.hint },
      'Strategy',
    );
    const view = await modalOpenedBy(() =>
      ctx.app.slack.messageShortcut('U0BO', 'practise_question', {
        channelId: 'C0PRACTICE',
        message: { ...(post as unknown as Json), bot_id: ctx.world.fake.botId },
      }),
    );
    expect(view.callback_id).toBe('partner-request');
    expect(block(view, 'types').element).toMatchObject({ initial_options: [{ value: 'strategy' }] });
    expect(block(view, 'level').element).toMatchObject({ initial_option: { value: question.levels[0] } });
  });

  it('on any other message: the modal opens with the question as the note for the partner', async () => {
    const view = await modalOpenedBy(() =>
      ctx.app.slack.messageShortcut('U0BO', 'practise_question', {
        message: {
          user: 'U0CAL',
          text: 'Asked in my loop today: how would you price <https://example.com/maps|Maps> for fleets &amp; couriers?',
        },
      }),
    );
    expect(view.callback_id).toBe('partner-request');
    expect(block(view, 'note').element).toMatchObject({
      initial_value:
        'I’d like to practise this question: “Asked in my loop today: how would you price Maps for fleets & couriers?”',
    });
  });
});
