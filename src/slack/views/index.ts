import type { App } from '@slack/bolt';
import { REQUEST_MODAL } from '../blocks/request-modal.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { submitRequestForm } from './submit-request-form.ts';

export function register(app: App, deps: SlackDeps): void {
  app.view(REQUEST_MODAL.callbackId, submitRequestForm(deps));
}
