import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { openRequestForm } from '../forms/request-form.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerInModal, globalShortcutSchema, memberRefOf } from './shortcut-payload.ts';

type ShortcutArgs = SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs;

/** "Find a practice partner" from Slack's shortcut menu: the same modal as bare `/mock`. */
export function findPartnerShortcut(deps: AppDeps) {
  return async ({ ack, body, client }: ShortcutArgs): Promise<void> => {
    await ack();
    const shortcut = globalShortcutSchema.safeParse(body);
    if (!shortcut.success) {
      deps.logger.warn('bad find-a-partner shortcut');
      return;
    }
    const { trigger_id: triggerId } = shortcut.data;
    respondSafely(answerInModal(client, triggerId), deps.logger, () =>
      openRequestForm(deps, client, memberRefOf(shortcut.data), triggerId),
    );
  };
}
