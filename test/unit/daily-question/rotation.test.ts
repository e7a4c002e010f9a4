import { describe, expect, it } from 'vitest';
import {
  nextDailyType,
  type PastPost,
  pickDailyQuestion,
} from '../../../src/domain/daily-question/rotation.ts';

/** A random source that walks through the given numbers, then repeats the last. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
}

describe('nextDailyType', () => {
  const all = () => true;

  it.each([
    [null, 'execution'],
    ['execution', 'behavioural'],
    ['behavioural', 'strategy'],
    ['strategy', 'execution'],
    ['technical', 'execution'], // a type no longer in the list starts the turn again
  ])('after %s comes %s', (last, next) => {
    expect(nextDailyType(['execution', 'behavioural', 'strategy'], last, all)).toBe(next);
  });

  it('passes over a type without questions, and gives up only when none has any', () => {
    const types = ['execution', 'behavioural', 'strategy'];
    expect(nextDailyType(types, 'execution', (type) => type !== 'behavioural')).toBe('strategy');
    expect(nextDailyType(types, 'execution', () => false)).toBeNull();
  });
});

describe('pickDailyQuestion', () => {
  const pool = ['q-a', 'q-b', 'q-c', 'q-d'];

  it('never repeats a question in the channel until the pool is exhausted, whatever the random numbers', () => {
    for (const randomValue of [0, 0.3, 0.6, 0.99]) {
      const history: PastPost[] = [];
      for (let day = 0; day < pool.length; day += 1) {
        const choice = pickDailyQuestion({ questionIds: pool, history, random: () => randomValue })!;
        expect(choice.repeat).toBe(false);
        expect(history.map((post) => post.questionId)).not.toContain(choice.questionId);
        history.push({ questionId: choice.questionId, interviewType: 'execution', postedAt: day });
      }
      expect(new Set(history.map((post) => post.questionId))).toEqual(new Set(pool));
    }
  });

  it('after a full round, takes the question posted longest ago, so the second round keeps the order', () => {
    const history: PastPost[] = [
      { questionId: 'q-c', interviewType: 'execution', postedAt: 1 },
      { questionId: 'q-a', interviewType: 'execution', postedAt: 2 },
      { questionId: 'q-d', interviewType: 'execution', postedAt: 3 },
      { questionId: 'q-b', interviewType: 'execution', postedAt: 4 },
    ];
    expect(pickDailyQuestion({ questionIds: pool, history, random: sequence(0.99) })).toEqual({
      questionId: 'q-c',
      repeat: true,
    });
    history.push({ questionId: 'q-c', interviewType: 'execution', postedAt: 5 });
    expect(pickDailyQuestion({ questionIds: pool, history, random: sequence(0) })?.questionId).toBe('q-a');
  });

  it('counts a question by its latest post, and ignores posts of questions that left the pool', () => {
    const history: PastPost[] = [
      { questionId: 'q-a', interviewType: 'execution', postedAt: 1 },
      { questionId: 'q-b', interviewType: 'execution', postedAt: 2 },
      { questionId: 'q-a', interviewType: 'execution', postedAt: 3 },
      { questionId: 'retired', interviewType: 'execution', postedAt: 0 },
    ];
    expect(pickDailyQuestion({ questionIds: ['q-a', 'q-b'], history, random: sequence(0) })?.questionId).toBe(
      'q-b',
    );
  });

  it('is spread evenly over the fresh questions by the random source', () => {
    const picks = [0, 0.25, 0.5, 0.75].map(
      (value) => pickDailyQuestion({ questionIds: pool, history: [], random: () => value })!.questionId,
    );
    expect(picks).toEqual(['q-a', 'q-b', 'q-c', 'q-d']);
  });

  it('has nothing to pick from an empty pool', () => {
    expect(pickDailyQuestion({ questionIds: [], history: [], random: Math.random })).toBeNull();
  });
});
