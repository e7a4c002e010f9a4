import type { App } from '@slack/bolt';
import { PROFILE_MODAL } from '../blocks/profile-modal.ts';
import { REQUEST_MODAL } from '../blocks/request-modal.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { submitProfileForm } from './submit-profile-form.ts';
import { submitRequestForm } from './submit-request-form.ts';

export function register(app: App, deps: SlackDeps): void {
  app.view(REQUEST_MODAL.callbackId, submitRequestForm(deps));
  app.view(PROFILE_MODAL.callbackId, submitProfileForm(deps));
}
