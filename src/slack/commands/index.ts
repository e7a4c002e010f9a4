import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.ts';
import { mockCommand } from './mock.ts';

export function register(app: App, deps: SlackDeps): void {
  app.command('/mock', mockCommand(deps));
}
