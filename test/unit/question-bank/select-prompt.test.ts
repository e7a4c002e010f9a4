import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/domain/matching/seeded-random.ts';
import type { Level } from '../../../src/domain/matching/types.ts';
import {
  type PastPrompt,
  type PromptQuestion,
  type SelectPromptInput,
  selectPrompt,
} from '../../../src/domain/question-bank/select-prompt.ts';

const q = (id: string, levels: Level[], type = 'product-sense'): PromptQuestion => ({ id, type, levels });

/** Eight product-sense prompts for a Senior, plus prompts the rules must leave alone. */
const BANK: PromptQuestion[] = [
  ...Array.from({ length: 8 }, (_, i) => q(`ps-senior-${i}`, i % 2 ? ['SENIOR', 'STAFF'] : ['PM', 'SENIOR'])),
  q('ps-staff-only', ['STAFF', 'DIRECTOR']),
  q('ps-pm-only', ['PM']),
  q('ex-senior', ['SENIOR'], 'execution'),
];
const SENIOR_POOL = BANK.filter((item) => item.id.startsWith('ps-senior-')).map((item) => item.id);

function input(overrides: Partial<SelectPromptInput> = {}): SelectPromptInput {
  return {
    questions: BANK,
    interviewType: 'product-sense',
    targetLevel: 'SENIOR',
    askedOfInterviewee: [],
    answeredByInterviewer: [],
    random: () => 0,
    ...overrides,
  };
}

const asked = (...ids: string[]): PastPrompt[] =>
  ids.map((questionId, i) => ({ questionId, askedAt: 1_000 + i }));

describe('selectPrompt', () => {
  it('over many sessions shows an interviewee every prompt of the pool once before any repeats', () => {
    const random = seededRandom(7);
    const history: PastPrompt[] = [];
    for (let session = 0; session < 3 * SENIOR_POOL.length; session++) {
      // A different interviewer each time, who happens to know a few prompts.
      const answeredByInterviewer = BANK.filter(() => random.chance(0.3)).map((item) => item.id);
      const choice = selectPrompt(
        input({ askedOfInterviewee: history, answeredByInterviewer, random: random.next }),
      );
      history.push({ questionId: choice!.questionId, askedAt: session * 86_400_000 });
    }

    const rounds = [0, 1, 2].map((round) =>
      history
        .slice(round * SENIOR_POOL.length, (round + 1) * SENIOR_POOL.length)
        .map((item) => item.questionId),
    );
    for (const round of rounds) expect([...round].sort()).toEqual([...SENIOR_POOL].sort());
    // Once the pool is exhausted, repeats come round oldest first.
    expect(rounds[1]).toEqual(rounds[0]);
  });

  it('never gives an interviewee a prompt they have been asked while the pool has fresh ones', () => {
    const seen = SENIOR_POOL.slice(0, 7);

    for (const value of [0, 0.5, 0.999]) {
      const choice = selectPrompt(input({ askedOfInterviewee: asked(...seen), random: () => value }));
      expect(choice).toMatchObject({
        questionId: 'ps-senior-7',
        repeat: false,
        levelDistance: 0,
        poolSize: 8,
      });
    }
  });

  it('prefers, among fresh prompts, one the interviewer has answered themselves', () => {
    const answeredByInterviewer = ['ps-senior-2', 'ps-senior-5', 'ps-senior-0', 'ex-senior'];

    const picks = new Set(
      [0, 0.3, 0.6, 0.999].map(
        (value) =>
          selectPrompt(
            input({ askedOfInterviewee: asked('ps-senior-0'), answeredByInterviewer, random: () => value }),
          )!.questionId,
      ),
    );

    // ps-senior-0 is known to the interviewer but the interviewee has had it: freshness wins.
    expect(picks).toEqual(new Set(['ps-senior-2', 'ps-senior-5']));
    expect(selectPrompt(input({ answeredByInterviewer }))?.interviewerKnows).toBe(true);
    expect(selectPrompt(input({ answeredByInterviewer: ['ps-pm-only'] }))?.interviewerKnows).toBe(false);
  });

  it('never picks the same prompt for both rounds of a swap', () => {
    for (let seed = 0; seed < 50; seed++) {
      const random = seededRandom(seed);
      const first = selectPrompt(input({ random: random.next }))!;
      const second = selectPrompt(input({ exclude: [first.questionId], random: random.next }))!;
      expect(second.questionId).not.toBe(first.questionId);
    }
  });

  it('widens to the nearest level when the exclusion empties the pool', () => {
    const bank = [q('ps-a', ['SENIOR']), q('ps-b', ['STAFF']), q('ps-c', ['DIRECTOR'])];

    const choice = selectPrompt(input({ questions: bank, exclude: ['ps-a'] }));

    expect(choice).toMatchObject({ questionId: 'ps-b', levelDistance: 1 });
  });

  it('falls back to the nearest levels when nothing covers the target level', () => {
    const bank = [q('ps-pm', ['PM']), q('ps-senior', ['SENIOR']), q('ps-staff', ['SENIOR', 'STAFF'])];

    const choices = [0, 0.999].map((value) =>
      selectPrompt(input({ questions: bank, targetLevel: 'DIRECTOR', random: () => value })),
    );

    expect(choices.map((choice) => [choice?.questionId, choice?.levelDistance, choice?.poolSize])).toEqual([
      ['ps-staff', 1, 1],
      ['ps-staff', 1, 1],
    ]);
  });

  it('takes both neighbours when they are equally near', () => {
    const bank = [q('ps-pm', ['PM']), q('ps-staff', ['STAFF', 'DIRECTOR'])];

    const picks = [0, 0.999].map(
      (value) =>
        selectPrompt(input({ questions: bank, targetLevel: 'SENIOR', random: () => value }))?.questionId,
    );

    expect(picks).toEqual(['ps-pm', 'ps-staff']);
  });

  it('repeats the least recently asked prompt once the pool is exhausted', () => {
    const history = [
      { questionId: 'ps-senior-3', askedAt: 100 },
      ...asked(...SENIOR_POOL),
      // Asked again lately: its last time counts, not its first.
      { questionId: 'ps-senior-3', askedAt: 9_000 },
    ];

    const choice = selectPrompt(
      input({ askedOfInterviewee: history, answeredByInterviewer: ['ps-senior-5'], random: () => 0.999 }),
    );

    expect(choice).toMatchObject({ questionId: 'ps-senior-0', repeat: true, interviewerKnows: false });
  });

  it('breaks a tie between equally old repeats in favour of what the interviewer knows', () => {
    const history = SENIOR_POOL.map((questionId) => ({ questionId, askedAt: 500 }));

    const choice = selectPrompt(
      input({ askedOfInterviewee: history, answeredByInterviewer: ['ps-senior-6'] }),
    );

    expect(choice).toMatchObject({ questionId: 'ps-senior-6', repeat: true, interviewerKnows: true });
  });

  it('returns null when the type has no question left', () => {
    expect(selectPrompt(input({ interviewType: 'strategy' }))).toBeNull();
    expect(selectPrompt(input({ questions: [q('ps-a', ['PM'])], exclude: ['ps-a'] }))).toBeNull();
  });

  it('chooses the same prompt for the same random number, whatever order the bank comes in', () => {
    const reversed = [...BANK].reverse();

    for (const value of [0, 0.25, 0.5, 0.75, 0.999]) {
      expect(selectPrompt(input({ questions: reversed, random: () => value }))?.questionId).toBe(
        selectPrompt(input({ random: () => value }))?.questionId,
      );
    }
  });
});
