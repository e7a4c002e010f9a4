import type { RespondFn } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.ts';
import { respondSafely } from '../../../src/slack/respond-safely.ts';

describe('respondSafely', () => {
  it('starts the work behind an ack only after the event loop has taken in what else arrived', async () => {
    const answers: unknown[] = [];
    const respond = (async (message: unknown) => {
      answers.push(message);
    }) as unknown as RespondFn;
    let started = false;

    const answered = respondSafely(respond, createLogger('silent'), async () => {
      started = true;
      return { text: 'done', blocks: [] };
    });
    // Every promise continuation queued so far runs, and the work has still not begun: it waits
    // for the event loop's next turn, behind the requests (I/O) already waiting to be acknowledged.
    for (let step = 0; step < 10; step++) await Promise.resolve();
    expect(started).toBe(false);

    await answered;
    expect(started).toBe(true);
    expect(answers).toEqual([expect.objectContaining({ text: 'done', response_type: 'ephemeral' })]);
  });
});
