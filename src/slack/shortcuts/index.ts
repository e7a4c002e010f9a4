import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { findPartnerShortcut } from './find-partner-shortcut.ts';
import { practiseQuestionShortcut } from './practise-question-shortcut.ts';
import { SHORTCUTS } from './shortcut-ids.ts';

/** Shortcuts (manifest.yml, features.shortcuts); each listener is one file in this folder. */
export function register(app: App, deps: AppDeps): void {
  app.shortcut({ type: 'shortcut', callback_id: SHORTCUTS.findPartner }, findPartnerShortcut(deps));
  app.shortcut(
    { type: 'message_action', callback_id: SHORTCUTS.practiseQuestion },
    practiseQuestionShortcut(deps),
  );
}
