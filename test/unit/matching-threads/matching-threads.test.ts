import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePool } from '../../../bench/matching-pool-generator.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../../src/domain/matching/config.ts';
import { matchPool } from '../../../src/domain/matching/solve-pool.ts';
import { MatchingThreads } from '../../../src/matching-threads/matching-threads.ts';

const threads = new MatchingThreads(2);
afterAll(() => threads.close());

const pool = generatePool(1_500, 3);
const toSolve = {
  requests: pool.requests,
  context: pool.context,
  config: DEFAULT_MATCHING_CONFIG,
  now: pool.now,
};

describe('MatchingThreads', () => {
  it('solves a pool on another thread, with the same result as solving it here', async () => {
    const solved = await threads.solve(toSolve);
    expect(solved.threadId).not.toBe(threadId);
    expect(solved.matching).toEqual(
      matchPool(pool.requests, pool.context, DEFAULT_MATCHING_CONFIG, pool.now),
    );
  });

  it('leaves this event loop free while it solves', async () => {
    let turns = 0;
    let solving = true;
    const solved = threads.solve(toSolve).finally(() => {
      solving = false;
    });
    // Counts the loop's turns until the solve is back: a solve on this thread allows none.
    const spin = async () => {
      while (solving) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    };
    await Promise.all([solved, spin()]);
    expect(turns).toBeGreaterThan(1);
  });

  it('solves two pools side by side on two threads', async () => {
    const [first, second] = await Promise.all([threads.solve(toSolve), threads.solve(toSolve)]);
    expect(new Set([first.threadId, second.threadId, threadId]).size).toBe(3);
    expect(second.matching.summary).toEqual(first.matching.summary);
  });

  it('fails a bad pool with its reason and keeps serving', async () => {
    const twin = pool.requests[0]!;
    await expect(threads.solve({ ...toSolve, requests: [twin, { ...twin }] })).rejects.toThrow(/duplicate/);
    const solved = await threads.solve({ ...toSolve, requests: pool.requests.slice(0, 50) });
    expect(solved.matching.summary.requests).toBe(50);
  });
});
