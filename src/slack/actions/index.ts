import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.ts';

/** Buttons and menus in messages; each listener is one file in this folder. */
export function register(_app: App, _deps: SlackDeps): void {}
