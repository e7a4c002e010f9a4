import type { JobPayload } from '../src/queue/catalogue.ts';
import { weeklyEnteredMessage } from '../src/slack/blocks/weekly-opt-in.ts';
import { findWeeklyMember } from '../src/store/weekly-opt-in.ts';
import type { JobContext } from './job-context.ts';

/** Tells the member they are in this week's pool, with "Skip this week"; once per week (keyed). */
export async function notifyWeeklyEntry(
  payload: JobPayload<'weekly-entered'>,
  context: JobContext,
): Promise<void> {
  const member = await findWeeklyMember(context.db, payload.memberId);
  if (!member?.weeklyRequest || member.enteredWeek !== payload.week) return;
  const scoped = await context.inWorkspace(member.workspaceId);
  // Posting to a user id lands in the member's DM with the app.
  await scoped.outbound.postMessageOnce(`member-${member.memberId}-weekly-${payload.week}`, {
    channel: member.slackUserId,
    ...weeklyEnteredMessage(member.weeklyRequest, member.timezone ?? 'UTC', payload.week),
  });
}
