import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowUpLane } from '../../../src/slack/follow-up-lane.ts';

/** A piece of work the test finishes (or fails) by hand, recording when it started. */
function heldWork(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    work: () => {
      started.push(name);
      return done;
    },
    finish: () => finish(name),
    fail: (message: string) => fail(new Error(message)),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FollowUpLane', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at most its slots at once and lets the rest in as slots free, first come first served', async () => {
    const lane = new FollowUpLane({ slots: 2, holdMs: 60_000, maxWaitMs: 60_000 });
    const started: string[] = [];
    const works = ['a', 'b', 'c', 'd'].map((name) => heldWork(started, name));
    const results = works.map((each) => lane.run(each.work));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(lane.queued).toBe(2);

    works[1]!.finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);

    works[0]!.finish();
    works[2]!.finish();
    works[3]!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(lane.queued).toBe(0);
  });

  it('gives the slot back when the work fails, and hands the failure to the caller', async () => {
    const lane = new FollowUpLane({ slots: 1, holdMs: 60_000, maxWaitMs: 60_000 });
    const started: string[] = [];
    const failing = heldWork(started, 'failing');
    const next = heldWork(started, 'next');
    const failed = lane.run(failing.work);
    const later = lane.run(next.work);
    await settle();
    failing.fail('database unavailable');
    await expect(failed).rejects.toThrow('database unavailable');
    await settle();
    expect(started).toEqual(['failing', 'next']);
    next.finish();
    expect(await later).toBe('next');
  });

  it('lets the next one in once a slow piece of work has held its slot for holdMs, without cutting it short', async () => {
    vi.useFakeTimers();
    const lane = new FollowUpLane({ slots: 1, holdMs: 250, maxWaitMs: 60_000 });
    const started: string[] = [];
    const slow = heldWork(started, 'slow');
    const quick = heldWork(started, 'quick');
    const slowResult = lane.run(slow.work);
    const quickResult = lane.run(quick.work);
    await vi.advanceTimersByTimeAsync(249);
    expect(started).toEqual(['slow']);

    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['slow', 'quick']);

    quick.finish();
    slow.finish();
    expect(await quickResult).toBe('quick');
    expect(await slowResult).toBe('slow');
  });

  it('does not give one slot back twice when work outlives holdMs', async () => {
    vi.useFakeTimers();
    const lane = new FollowUpLane({ slots: 1, holdMs: 100, maxWaitMs: 60_000 });
    const started: string[] = [];
    const works = ['first', 'second', 'third'].map((name) => heldWork(started, name));
    const results = works.map((each) => lane.run(each.work));
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual(['first', 'second']);

    // The first finishing late must not free a second slot: only the second's own hold may.
    works[0]!.finish();
    await vi.advanceTimersByTimeAsync(50);
    expect(started).toEqual(['first', 'second']);

    await vi.advanceTimersByTimeAsync(50);
    expect(started).toEqual(['first', 'second', 'third']);
    works[1]!.finish();
    works[2]!.finish();
    await Promise.all(results);
  });

  it('lets a follow-up in after maxWaitMs however busy the slots are, and counts it as running', async () => {
    vi.useFakeTimers();
    const lane = new FollowUpLane({ slots: 1, holdMs: 60_000, maxWaitMs: 500 });
    const started: string[] = [];
    const works = ['busy', 'modal', 'after'].map((name) => heldWork(started, name));
    const results = works.map((each) => lane.run(each.work));
    await vi.advanceTimersByTimeAsync(499);
    expect(started).toEqual(['busy']);

    await vi.advanceTimersByTimeAsync(1);
    // Both waited their 500 ms: neither is made to wait longer for a slot.
    expect(started).toEqual(['busy', 'modal', 'after']);
    expect(lane.queued).toBe(0);
    for (const each of works) each.finish();
    expect(await Promise.all(results)).toEqual(['busy', 'modal', 'after']);

    // All three settled, so the one slot is free again: the next runs at once.
    const fresh = heldWork(started, 'fresh');
    const freshResult = lane.run(fresh.work);
    await vi.advanceTimersByTimeAsync(0);
    expect(started.at(-1)).toBe('fresh');
    fresh.finish();
    await freshResult;
  });

  it('settled() waits for every follow-up handed over, those still waiting for a slot included', async () => {
    const lane = new FollowUpLane({ slots: 1, holdMs: 60_000, maxWaitMs: 60_000 });
    const started: string[] = [];
    const works = ['running', 'waiting'].map((name) => heldWork(started, name));
    for (const each of works) void lane.run(each.work).catch(() => {});
    let settled = false;
    const done = lane.settled().then(() => {
      settled = true;
    });

    works[0]!.fail('Slack said no');
    await settle();
    expect(started).toEqual(['running', 'waiting']);
    expect(settled).toBe(false);

    works[1]!.finish();
    await done;
    expect(settled).toBe(true);
  });
});
