import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { noticeModal } from '../blocks/feedback-notice-modal.ts';
import { openModal } from '../modal-calls.ts';
import { slackTeamIdOf } from '../slack-team.ts';

/** The fields of a button press (in a message or on the Home tab) that these listeners read. */
export const buttonPressSchema = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z
    .object({ id: z.string().min(1) })
    .nullable()
    .optional(),
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(200).optional() })).min(1),
});

export type ButtonPress = z.infer<typeof buttonPressSchema>;

export function memberRefOf(press: ButtonPress): { slackTeamId: string; slackUserId: string } {
  return { slackTeamId: slackTeamIdOf(press), slackUserId: press.user.id };
}

/**
 * How to answer a button press: through its response_url when it came from a message, and in a
 * small modal when it came from the Home tab, which has no response_url. Either way the member
 * is told, never left with a button that did nothing.
 */
export function answerFor(respond: RespondFn | undefined, client: WebClient, triggerId: string): RespondFn {
  if (respond) return respond;
  const inModal = async (message: Parameters<RespondFn>[0]): Promise<void> => {
    const text = typeof message === 'string' ? message : (message.text ?? '');
    await openModal(client, triggerId, noticeModal('Mockingbird', text));
  };
  // respondSafely only awaits the answer; nothing reads the HTTP response a RespondFn resolves to.
  return inModal as unknown as RespondFn;
}
