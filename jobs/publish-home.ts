import type { JobPayload } from '../src/queue/catalogue.ts';
import { publishHome } from '../src/slack/home/publish-home.ts';
import { classifySlackError } from '../src/slack/outbound/slack-error-kind.ts';
import { findMemberRef } from '../src/store/member-history.ts';
import type { JobContext } from './job-context.ts';

/**
 * Redraws a member's Home tab after something it shows has changed (a request, the profile, a
 * session, feedback). views.publish goes through the worker's client, which surfaces a 429 as an
 * error so BullMQ retries after a back-off. A member who has been deleted, or whom Slack no longer
 * knows (deactivated, left), needs nothing: retrying would fail the same way.
 */
export async function publishHomeJob(
  payload: JobPayload<'publish-home'>,
  context: JobContext,
): Promise<void> {
  const ref = await findMemberRef(context.db, payload.memberId);
  if (!ref) return;
  try {
    const scoped = await context.inTeam(ref.slackTeamId);
    await publishHome(scoped, scoped.slack, ref);
  } catch (error) {
    const kind = classifySlackError(error);
    if (kind.kind !== 'permanent') throw error;
    context.logger.info(
      { memberId: payload.memberId, code: kind.code },
      'Home tab cannot be published; skipped',
    );
  }
}
