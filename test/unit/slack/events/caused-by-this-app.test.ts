import { describe, expect, it } from 'vitest';
import { causedByThisApp } from '../../../../src/slack/events/index.ts';

const context = { botId: 'B0SELF', botUserId: 'U0SELFBOT' };

/** Whether the events listener skips `event`, received in this app's context. */
const skipped = (event: Record<string, unknown>) =>
  causedByThisApp({ event, context } as unknown as Parameters<typeof causedByThisApp>[0]);

describe('causedByThisApp, the rule Bolt ignoreSelf applied to events', () => {
  it("skips this app's own bot messages and events whose user is its bot user", () => {
    expect(skipped({ type: 'message', subtype: 'bot_message', bot_id: 'B0SELF' })).toBe(true);
    expect(skipped({ type: 'app_home_opened', user: 'U0SELFBOT' })).toBe(true);
  });

  it('keeps the bot user joining or leaving a channel, and everything members and other bots do', () => {
    expect(skipped({ type: 'member_joined_channel', user: 'U0SELFBOT' })).toBe(false);
    expect(skipped({ type: 'member_left_channel', user: 'U0SELFBOT' })).toBe(false);
    expect(skipped({ type: 'app_home_opened', user: 'U0MEMBER' })).toBe(false);
    expect(skipped({ type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER' })).toBe(false);
    expect(skipped({ type: 'app_uninstalled' })).toBe(false);
  });
});
