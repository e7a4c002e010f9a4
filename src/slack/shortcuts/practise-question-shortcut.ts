import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { practiceNoteFromMessage } from '../../domain/message-practice-note.ts';
import { findQuestionForTeam } from '../../store/question-bank.ts';
import { openQuestionPracticeForm } from '../forms/question-practice-form.ts';
import { openRequestForm } from '../forms/request-form.ts';
import { respondSafely } from '../respond-safely.ts';
import { dailyQuestionIdOf, memberRefOf, messageShortcutSchema } from './shortcut-payload.ts';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Practise this question" on a message. On the daily post it does what the post's own button
 * does (the question's type and a level it is written for); on any other message (a question a
 * member shared, one pasted from a prep site) the request modal opens with that message as the
 * note for the partner, since the app cannot tell its type and level from free text.
 */
export function practiseQuestionShortcut(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ShortcutArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const shortcut = messageShortcutSchema.parse(body);
      const ref = memberRefOf(shortcut);
      const triggerId = shortcut.trigger_id;
      const questionId = dailyQuestionIdOf(shortcut.message);
      const question = questionId ? await findQuestionForTeam(deps.db, questionId, ref.slackTeamId) : null;
      if (question) return openQuestionPracticeForm(deps, client, ref, triggerId, question);
      const note = practiceNoteFromMessage(shortcut.message.text ?? '');
      return openRequestForm(deps, client, ref, triggerId, note ? { note } : {});
    });
  };
}
