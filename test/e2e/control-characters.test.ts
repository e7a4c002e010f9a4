import { beforeAll, describe, expect, it } from 'vitest';
import { withoutControlCharacters } from '../../src/domain/plain-text.ts';
import { requestFormState } from '../harness/request-form.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0NUL', { tz: 'Europe/Berlin' });
});

describe('control characters in what members type', () => {
  it('are stripped, keeping tabs and line breaks', () => {
    expect(withoutControlCharacters('a\u0000b\u0007c\td\ne\u007f\u0085')).toBe('abc\td\ne');
  });

  it('a NUL byte in the request form’s note no longer fails the save', async () => {
    const before = ctx.world.fake.callsTo('views.open').length;
    await ctx.app.slack.command('U0NUL', '/mock', '');
    const [call] = (await ctx.world.fake.waitForCalls('views.open', before + 1)).slice(before);
    const view = call!.args.view as { callback_id: string; private_metadata: string };
    const reply = await ctx.app.slack.viewSubmission('U0NUL', {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: requestFormState({
        types: ['execution'],
        level: 'SENIOR',
        role: 'BOTH',
        duration: '45',
        otherTimes: 'weekdays 18:00-21:00\u0000',
        note: 'Fintech\u0000 loop\u0007\nnext week',
      }),
    });
    expect(JSON.stringify(reply.json)).toContain('You are in the pool');
    const member = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0NUL' } });
    const request = await ctx.world.db.partnerRequest.findFirstOrThrow({ where: { memberId: member.id } });
    expect(request.note).toBe('Fintech loop\nnext week');
  });

  it('a NUL byte in a /mock command is ignored', async () => {
    const plain = await ctx.app.slack.command('U0NUL', '/mock', 'help');
    const withNul = await ctx.app.slack.command('U0NUL', '/mock', 'help\u0000');
    expect(withNul.json).toEqual(plain.json);
  });
});
