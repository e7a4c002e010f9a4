import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.ts';

const TRIGGER_ERRORS = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

/**
 * views.open, with the one failure a member can fix themselves told in their words: Slack's
 * trigger expired (it lives three seconds), so running the command again is the answer.
 */
export async function openModal(client: WebClient, triggerId: string, view: View): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && TRIGGER_ERRORS.has(code)) {
      throw new AppError(
        'trigger-expired',
        `views.open failed: ${code}`,
        'Slack took too long to open the form. Please run the command again.',
      );
    }
    throw error;
  }
}
