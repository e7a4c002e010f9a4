import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { dispatchByKind, type ListenersByKind } from '../../../src/slack/listeners-by-kind.ts';

/** Listeners that record which of them heard a request. */
function recordingListeners(heard: string[]): ListenersByKind {
  const hear = (kind: string) => async () => {
    heard.push(kind);
  };
  return {
    command: hear('command'),
    blockAction: hear('blockAction'),
    viewSubmission: hear('viewSubmission'),
    shortcut: hear('shortcut'),
    options: hear('options'),
    event: hear('event'),
  };
}

/** Dispatches arguments shaped as Bolt builds them for a request of one kind. */
async function heardFor(args: Record<string, unknown>): Promise<string[]> {
  const heard: string[] = [];
  await dispatchByKind(recordingListeners(heard))(args as unknown as AnyMiddlewareArgs & AllMiddlewareArgs);
  return heard;
}

describe('dispatchByKind', () => {
  it('hands each kind of request to its one listener, as Bolt would have matched it', async () => {
    expect(await heardFor({ body: { command: '/mock' }, command: { command: '/mock' } })).toEqual([
      'command',
    ]);
    expect(
      await heardFor({ body: { type: 'block_actions' }, action: { action_id: 'hint' }, payload: {} }),
    ).toEqual(['blockAction']);
    expect(await heardFor({ body: { type: 'view_submission' }, view: { callback_id: 'request' } })).toEqual([
      'viewSubmission',
    ]);
    expect(await heardFor({ body: { type: 'shortcut' }, shortcut: { type: 'shortcut' } })).toEqual([
      'shortcut',
    ]);
    expect(await heardFor({ body: { type: 'block_suggestion' }, options: { value: 'Eur' } })).toEqual([
      'options',
    ]);
    expect(await heardFor({ body: { type: 'event_callback' }, event: { type: 'app_home_opened' } })).toEqual([
      'event',
    ]);
  });

  it('leaves alone what no listener of ours takes: a view closed, a legacy attachment button', async () => {
    expect(await heardFor({ body: { type: 'view_closed' }, view: { callback_id: 'request' } })).toEqual([]);
    expect(
      await heardFor({ body: { type: 'interactive_message' }, action: { name: 'old' }, payload: {} }),
    ).toEqual([]);
    expect(await heardFor({ body: { type: 'url_verification' } })).toEqual([]);
  });

  it("lets a listener's failure reach Bolt's error handler, as a listener's did", async () => {
    const failing = { ...recordingListeners([]), command: async () => Promise.reject(new Error('boom')) };
    await expect(
      dispatchByKind(failing)({
        body: { command: '/mock' },
        command: { command: '/mock' },
      } as unknown as AnyMiddlewareArgs & AllMiddlewareArgs),
    ).rejects.toThrow('boom');
  });
});
