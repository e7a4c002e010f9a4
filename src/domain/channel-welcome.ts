/**
 * Who gets the private welcome when they join a channel: a person (not a bot, not the app) who
 * joined the workspace's practice channel (the daily question's), in a workspace that has not
 * turned the welcome off, soon enough that a welcome still reads as one. A join with no practice
 * channel set up gets nothing: there is nowhere the welcome would make sense.
 */

/** After this long (a Slack or Redis outage, say), a welcome would arrive out of the blue. */
export const WELCOME_WINDOW_MS = 2 * 60 * 60 * 1000;

/** Slackbot is not a bot to users.info (is_bot is false), but it is nobody to welcome. */
const SLACKBOT_USER_ID = 'USLACKBOT';

export interface ChannelJoin {
  channelId: string;
  slackUserId: string;
  /** When Slack says the join happened (ms). */
  joinedAt: number;
}

export interface WelcomeSettings {
  /** The daily-question channel; null when the workspace has none. */
  practiceChannelId: string | null;
  welcomeNewMembers: boolean;
}

export type WelcomeRefusal = 'no-practice-channel' | 'another-channel' | 'turned-off' | 'too-late';

/** Why a join gets no welcome, from what the app knows without asking Slack; null: go on. */
export function welcomeRefusal(
  join: ChannelJoin,
  settings: WelcomeSettings,
  now: number,
): WelcomeRefusal | null {
  if (settings.practiceChannelId === null) return 'no-practice-channel';
  if (join.channelId !== settings.practiceChannelId) return 'another-channel';
  if (!settings.welcomeNewMembers) return 'turned-off';
  if (now - join.joinedAt > WELCOME_WINDOW_MS) return 'too-late';
  return null;
}

/** Whether the account that joined is a person the welcome is for (users.info's view of it). */
export function isWelcomedAccount(slackUserId: string, account: { bot: boolean; deleted: boolean }): boolean {
  return !account.bot && !account.deleted && slackUserId !== SLACKBOT_USER_ID;
}
