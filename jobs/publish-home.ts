import type { JobPayload } from '../src/queue/catalogue.ts';
import { publishHome } from '../src/slack/home/publish-home.ts';
import { classifySlackError, SlackPermanentError } from '../src/slack/outbound/slack-error-kind.ts';
import { findMemberRef } from '../src/store/member-history.ts';
import type { JobContext } from './job-context.ts';

/**
 * Redraws a member's Home tab after something it shows has changed (a request, the profile, a
 * session, feedback), and when the member opens the tab. views.publish goes through the gateway: a
 * short 429 is waited out, a long one defers the job without using an attempt. A member who has been deleted, or whom Slack no longer
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
    await publishHome(scoped, { client: scoped.slack, outbound: scoped.outbound }, ref);
  } catch (error) {
    // The gateway names a permanent refusal; the reads before it (users.info) fail raw.
    const kind = classifySlackError(error);
    const code =
      error instanceof SlackPermanentError ? error.code : kind.kind === 'permanent' ? kind.code : null;
    if (code === null) throw error;
    context.logger.info({ memberId: payload.memberId, code }, 'Home tab cannot be published; skipped');
  }
}
