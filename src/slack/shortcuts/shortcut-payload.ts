import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { uuidOrNull } from '../../domain/uuid.ts';
import { DAILY_QUESTION_ACTIONS } from '../blocks/daily-question.ts';
import { noticeModal } from '../blocks/feedback-notice-modal.ts';
import { openModal } from '../modal-calls.ts';
import { slackTeamIdOf } from '../slack-team.ts';

/** The fields of a global shortcut that its listener reads. */
export const globalShortcutSchema = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z
    .object({ id: z.string().min(1) })
    .nullable()
    .optional(),
  trigger_id: z.string().min(1),
});

const blockSchema = z.looseObject({
  type: z.string(),
  elements: z
    .array(z.looseObject({ action_id: z.string().optional(), value: z.string().optional() }))
    .optional(),
});

/** A message shortcut: the global fields and the message it was used on. */
export const messageShortcutSchema = globalShortcutSchema.extend({
  message: z.looseObject({
    text: z.string().optional(),
    blocks: z.array(blockSchema).optional(),
  }),
});

export type GlobalShortcut = z.infer<typeof globalShortcutSchema>;
export type MessageShortcut = z.infer<typeof messageShortcutSchema>;

export function memberRefOf(shortcut: GlobalShortcut): { slackTeamId: string; slackUserId: string } {
  return { slackTeamId: slackTeamIdOf(shortcut), slackUserId: shortcut.user.id };
}

/**
 * The bank question behind a daily post, read from its "Practise this with a partner" button (the
 * button carries the question's row id); null for any other message. The id is only a pointer: the
 * listener looks it up within the member's own workspace.
 */
export function dailyQuestionIdOf(message: MessageShortcut['message']): string | null {
  for (const block of message.blocks ?? []) {
    if (block.type !== 'actions') continue;
    const button = block.elements?.find((element) => element.action_id === DAILY_QUESTION_ACTIONS.practise);
    const id = uuidOrNull(button?.value);
    if (id) return id;
  }
  return null;
}

/**
 * How to answer a global shortcut: it comes with no response_url, so a failure is told in a small
 * modal on the shortcut's trigger (as a Home tab button's is), never left as a menu item that did
 * nothing.
 */
export function answerInModal(client: WebClient, triggerId: string): RespondFn {
  const inModal = async (message: Parameters<RespondFn>[0]): Promise<void> => {
    const text = typeof message === 'string' ? message : (message.text ?? '');
    await openModal(client, triggerId, noticeModal('Mockingbird', text));
  };
  // respondSafely only awaits the answer; nothing reads the HTTP response a RespondFn resolves to.
  return inModal as unknown as RespondFn;
}
