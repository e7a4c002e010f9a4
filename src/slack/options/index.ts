import type { App } from '@slack/bolt';
import { PROFILE_MODAL } from '../blocks/profile-modal.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { timezoneOptions } from './timezone-options.ts';

export function register(app: App, deps: SlackDeps): void {
  app.options(PROFILE_MODAL.timezoneSearchActionId, timezoneOptions(deps));
}
