import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { routeBy } from '../listener-routes.ts';
import type { ListenersByKind } from '../listeners-by-kind.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appUninstalled, tokensRevoked } from './app-uninstalled.ts';
import { memberJoinedChannel } from './member-joined-channel.ts';

type EventArgs<Type extends string = string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;
type EventRoute = readonly [string, (args: EventArgs) => Promise<void>];

/**
 * A route for one event type. The cast is safe because routeBy calls the listener only for events
 * of that type, which is what narrows Bolt's arguments when a listener is registered by name.
 */
function on<Type extends string>(type: Type, listener: (args: EventArgs<Type>) => Promise<void>): EventRoute {
  return [type, listener as unknown as (args: EventArgs) => Promise<void>];
}

/**
 * Events API subscriptions (manifest.yml, bot_events); each listener is one file in this folder.
 * One listener routes them by event type (see listener-routes.ts for why), skipping those the app
 * caused itself.
 */
export function eventListener(deps: AppDeps): ListenersByKind['event'] {
  const events: EventRoute[] = [
    on('app_home_opened', appHomeOpened(deps)),
    on('app_uninstalled', appUninstalled(deps)),
    on('tokens_revoked', tokensRevoked(deps)),
    on('member_joined_channel', memberJoinedChannel(deps)),
  ];
  const route = routeBy((args: EventArgs) => args.event.type, events);
  return async (args) => {
    if (!causedByThisApp(args)) await route(args);
  };
}

/** Events a member's presence may cause even when the member is this app's bot user. */
const KEPT_FROM_THIS_APP = new Set(['member_joined_channel', 'member_left_channel']);

/**
 * Bolt's ignoreSelf rule, which it applies to events only (app.ts turns Bolt's own middleware
 * off): a message this app's bot posted, or another event whose user is the bot's own, is not
 * handled, except a bot user joining or leaving a channel.
 */
export function causedByThisApp(args: Pick<EventArgs, 'event' | 'context'>): boolean {
  const { botId, botUserId } = args.context;
  const event = args.event as { type: string; subtype?: string; bot_id?: string; user?: unknown };
  if (event.type === 'message' && event.subtype === 'bot_message' && event.bot_id === botId) return true;
  return botUserId !== undefined && event.user === botUserId && !KEPT_FROM_THIS_APP.has(event.type);
}
