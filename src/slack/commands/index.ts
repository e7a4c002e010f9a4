import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { mockCommand } from './mock.ts';

export function register(app: App, deps: AppDeps): void {
  app.command('/mock', mockCommand(deps));
}
