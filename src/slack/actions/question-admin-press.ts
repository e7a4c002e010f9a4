import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../observability/logger.ts';
import { noticeModal } from '../blocks/feedback-notice-modal.ts';
import type { QuestionListPlace } from '../blocks/question-admin-list.ts';
import { pushModal } from '../modal-calls.ts';
import { NOT_OWN_QUESTION } from '../question-admin.ts';
import { respondSafely } from '../respond-safely.ts';
import { buttonPressSchema } from './home-answer.ts';

/**
 * The fields of a press in the question list that its listeners read: the button's value (a
 * question's row id or a page) and the list view itself, whose id is updated in place and whose
 * private_metadata says which page it shows.
 */
export const questionPressSchema = buttonPressSchema.extend({
  view: z.object({ id: z.string().min(1), private_metadata: z.string().max(3000).optional() }),
});

export type QuestionPress = z.infer<typeof questionPressSchema>;

const listPlaceSchema = z.object({ page: z.number().int().min(0).max(10_000) });

/** The page a list (or a form stacked on it) was showing; the first when the metadata is not ours. */
export function pageOf(privateMetadata: string | undefined): number {
  try {
    const place: QuestionListPlace = listPlaceSchema.parse(JSON.parse(privateMetadata ?? ''));
    return place.page;
  } catch {
    return 0;
  }
}

/** The question a press names; a value that is not a row id cannot be one of this workspace's. */
export function questionIdOf(press: QuestionPress): string {
  const value = z.uuid().safeParse(press.actions[0]?.value);
  if (!value.success) throw new AppError('not-own-question', 'press without a question id', NOT_OWN_QUESTION);
  return value.data;
}

/**
 * Runs a press's work and, when it fails or is refused, stacks a small notice on the list: a
 * press in a modal has no response_url, and a button that did nothing would leave the organizer
 * guessing. The press's trigger is still unused when the work only updated the list in place.
 */
export async function answerInModal(
  client: WebClient,
  triggerId: string,
  logger: Logger,
  work: () => Promise<null>,
): Promise<void> {
  const inModal = async (message: Parameters<RespondFn>[0]): Promise<void> => {
    const text = typeof message === 'string' ? message : (message.text ?? '');
    await pushModal(client, triggerId, noticeModal('Workspace questions', text));
  };
  // respondSafely only awaits the answer; nothing reads the HTTP response a RespondFn resolves to.
  respondSafely(inModal as unknown as RespondFn, logger, work);
}
