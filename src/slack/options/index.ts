import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { PROFILE_MODAL } from '../blocks/profile-modal.ts';
import { timezoneOptions } from './timezone-options.ts';

export function register(app: App, deps: AppDeps): void {
  app.options(PROFILE_MODAL.timezoneSearchActionId, timezoneOptions(deps));
}
