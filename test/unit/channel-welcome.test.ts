import { describe, expect, it } from 'vitest';
import {
  type ChannelJoin,
  isWelcomedAccount,
  WELCOME_WINDOW_MS,
  type WelcomeSettings,
  welcomeRefusal,
} from '../../src/domain/channel-welcome.ts';

const NOW = Date.UTC(2026, 11, 7, 10, 0);
const join: ChannelJoin = { channelId: 'C0PRACTICE', slackUserId: 'U0NEW', joinedAt: NOW - 1_000 };
const on: WelcomeSettings = { practiceChannelId: 'C0PRACTICE', welcomeNewMembers: true };

describe('welcomeRefusal', () => {
  it.each<[string, Partial<ChannelJoin>, Partial<WelcomeSettings>, ReturnType<typeof welcomeRefusal>]>([
    ['a join to the practice channel, just now', {}, {}, null],
    ['a join at the edge of the window', { joinedAt: NOW - WELCOME_WINDOW_MS }, {}, null],
    ['a workspace without a daily-question channel', {}, { practiceChannelId: null }, 'no-practice-channel'],
    ['a join to another channel', { channelId: 'C0RANDOM' }, {}, 'another-channel'],
    ['a workspace that turned the welcome off', {}, { welcomeNewMembers: false }, 'turned-off'],
    ['a join longer ago than the window', { joinedAt: NOW - WELCOME_WINDOW_MS - 1 }, {}, 'too-late'],
  ])('%s', (_name, joinChange, settingsChange, expected) => {
    expect(welcomeRefusal({ ...join, ...joinChange }, { ...on, ...settingsChange }, NOW)).toBe(expected);
  });
});

describe('isWelcomedAccount', () => {
  it.each([
    ['a person', 'U0NEW', { bot: false, deleted: false }, true],
    ['a bot (another app, or Mockingbird itself)', 'U0BOT', { bot: true, deleted: false }, false],
    ['a deactivated account', 'U0GONE', { bot: false, deleted: true }, false],
    ['Slackbot, which users.info does not call a bot', 'USLACKBOT', { bot: false, deleted: false }, false],
  ])('%s', (_name, id, account, expected) => {
    expect(isWelcomedAccount(id, account)).toBe(expected);
  });
});
