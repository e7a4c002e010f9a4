import type { WelcomeSettings } from '../domain/channel-welcome.ts';
import type { Database } from './prisma.ts';

/**
 * What decides a channel welcome, in one read: the workspace's practice channel (its daily
 * question's) and whether organizers left the welcome on. A team the app has never stored has no
 * practice channel, and nothing is created for it here: a join alone is not a reason to keep data.
 */
export async function findWelcomeSettings(db: Database, slackTeamId: string): Promise<WelcomeSettings> {
  const row = await db.workspace.findUnique({
    where: { slackTeamId },
    select: {
      dailyQuestionSettings: { select: { channelId: true } },
      settings: { select: { welcomeNewMembers: true } },
    },
  });
  return {
    practiceChannelId: row?.dailyQuestionSettings?.channelId ?? null,
    // No settings row: every default, and the welcome's is on.
    welcomeNewMembers: row?.settings?.welcomeNewMembers ?? true,
  };
}
