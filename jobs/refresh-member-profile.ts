import { UnrecoverableError } from 'bullmq';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { fetchSlackTimezone } from '../src/slack/slack-users.ts';
import { recordSlackProfile } from '../src/store/members.ts';
import type { JobContext } from './job-context.ts';

/** Re-reads the member's timezone from Slack, so a member who moves gets local times right. */
export async function refreshMemberProfile(
  payload: JobPayload<'refresh-member-profile'>,
  context: JobContext,
): Promise<void> {
  let timezone: string | null;
  try {
    const scoped = await context.inTeam(payload.slackTeamId);
    timezone = await fetchSlackTimezone(scoped.slack, payload.slackUserId);
  } catch (error) {
    if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') {
      throw new UnrecoverableError('the member is no longer in the workspace');
    }
    throw error;
  }
  const found = await recordSlackProfile(context.db, payload, { timezone }, context.now());
  if (!found)
    context.logger.info({ job: 'refresh-member-profile' }, 'member was deleted meanwhile; nothing to do');
}
