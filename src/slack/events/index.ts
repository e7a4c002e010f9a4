import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appUninstalled, tokensRevoked } from './app-uninstalled.ts';
import { memberJoinedChannel } from './member-joined-channel.ts';

/** Events API subscriptions (manifest.yml, bot_events); each listener is one file in this folder. */
export function register(app: App, deps: AppDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
  app.event('member_joined_channel', memberJoinedChannel(deps));
}
