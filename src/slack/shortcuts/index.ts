import type {
  AllMiddlewareArgs,
  GlobalShortcut,
  MessageShortcut,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { routeBy } from '../listener-routes.ts';
import type { ListenersByKind } from '../listeners-by-kind.ts';
import { findPartnerShortcut } from './find-partner-shortcut.ts';
import { practiseQuestionShortcut } from './practise-question-shortcut.ts';
import { SHORTCUTS } from './shortcut-ids.ts';

type ShortcutArgs<Shortcut extends SlackShortcut = SlackShortcut> = SlackShortcutMiddlewareArgs<Shortcut> &
  AllMiddlewareArgs;
type ShortcutRoute = readonly [string, (args: ShortcutArgs) => Promise<void>];

/** A shortcut's route key: a global and a message shortcut may share a callback_id. */
const keyOf = (type: SlackShortcut['type'], callbackId: string) => `${type}/${callbackId}`;

/** A route for one shortcut; the cast is safe because routeBy calls it only for that shortcut. */
function route<Shortcut extends SlackShortcut>(
  type: Shortcut['type'],
  callbackId: string,
  listener: (args: ShortcutArgs<Shortcut>) => Promise<void>,
): ShortcutRoute {
  return [keyOf(type, callbackId), listener as unknown as (args: ShortcutArgs) => Promise<void>];
}

/**
 * Shortcuts (manifest.yml, features.shortcuts); each listener is one file in this folder. One
 * listener routes them by type and callback_id (see listener-routes.ts for why).
 */
export function shortcutListener(deps: AppDeps): ListenersByKind['shortcut'] {
  const shortcuts: ShortcutRoute[] = [
    route<GlobalShortcut>('shortcut', SHORTCUTS.findPartner, findPartnerShortcut(deps)),
    route<MessageShortcut>('message_action', SHORTCUTS.practiseQuestion, practiseQuestionShortcut(deps)),
  ];
  return routeBy((args: ShortcutArgs) => keyOf(args.shortcut.type, args.shortcut.callback_id), shortcuts);
}
