import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0ADA', { tz: 'Europe/London', is_admin: true });
});

/** Nine aliases of nine aliases…: a few hundred characters that would expand to 9⁵ strings. */
const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'questions: [*e]',
].join('\n');

describe('a YAML alias bomb pasted into the question import', () => {
  it('is answered with what is wrong with the paste, not "try again", and nothing is imported', async () => {
    const reply = await ctx.app.slack.viewSubmission('U0ADA', {
      callback_id: 'question-admin-import',
      private_metadata: '{"page":0}',
      previous_view_id: 'V0QLIST',
      state: {
        values: { 'question-import-text': { value: { type: 'plain_text_input', value: ALIAS_BOMB } } },
      },
    });
    expect(reply.status).toBe(200);
    const error = String(
      (reply.json as { errors?: Record<string, string> }).errors?.['question-import-text'],
    );
    expect(error).toContain('alias');
    expect(error).not.toMatch(/try again/i);
    const imported = await ctx.world.db.question.count({
      where: { workspace: { slackTeamId: TEST_TEAM_ID } },
    });
    expect(imported).toBe(0);
  });
});
