import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { expiredRequestMessage } from '../src/slack/blocks/expired-request.ts';
import { expireRequest } from '../src/store/partner-requests.ts';
import type { JobContext } from './job-context.ts';

/** Closes a request nobody matched in time, and tells the member kindly. */
export async function expireRequestJob(
  payload: JobPayload<'expire-request'>,
  context: JobContext,
): Promise<void> {
  const expired = await expireRequest(
    context.db,
    payload.requestId,
    new Date(payload.expiresAt),
    context.now(),
  );
  if (!expired) return;
  const labels = expired.interviewTypes.map((slug) => interviewTypeLabel(slug));
  // Posting to a user id lands in the member's DM with the app.
  const scoped = await context.inWorkspace(expired.workspaceId);
  await scoped.outbound.postMessageOnce(`request-${payload.requestId}-expired`, {
    channel: expired.slackUserId,
    ...expiredRequestMessage(labels),
  });
}
