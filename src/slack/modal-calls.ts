import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.ts';

/**
 * Every modal call a listener makes (views.open, views.push, views.update), in one place. They run
 * in the web role, answering the request in hand within the trigger's three seconds, so they cannot
 * wait in a queue like the worker's sends (src/slack/outbound); what they share is how a failure a
 * member can fix is told in their words: Slack's trigger expired, so running it again is the answer.
 */

const TRIGGER_ERRORS = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

export async function openModal(client: WebClient, triggerId: string, view: View): Promise<void> {
  await withTriggerErrors('views.open', () => client.views.open({ trigger_id: triggerId, view }));
}

/** Stacks a modal on the open one (Slack allows three deep). */
export async function pushModal(client: WebClient, triggerId: string, view: View): Promise<void> {
  await withTriggerErrors('views.push', () => client.views.push({ trigger_id: triggerId, view }));
}

/** Redraws an open modal in place. */
export async function updateModal(client: WebClient, viewId: string, view: View): Promise<void> {
  await client.views.update({ view_id: viewId, view });
}

async function withTriggerErrors(method: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && TRIGGER_ERRORS.has(code)) {
      throw new AppError(
        'trigger-expired',
        `${method} failed: ${code}`,
        'Slack took too long to open the form. Please run the command again.',
      );
    }
    throw error;
  }
}
