import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { leftOutMessage } from '../src/slack/blocks/left-out.ts';
import { findOpenRequestOwner } from '../src/store/partner-requests.ts';
import type { JobContext } from './job-context.ts';

/** Tells a member a sweep left them out, once per request, unless they were matched meanwhile. */
export async function notifyLeftOut(
  payload: JobPayload<'notify-left-out'>,
  context: JobContext,
): Promise<void> {
  const owner = await findOpenRequestOwner(context.db, payload.requestId);
  if (!owner) return;
  const labels = owner.interviewTypes.map((slug) => interviewTypeLabel(slug));
  const scoped = await context.inWorkspace(owner.workspaceId);
  await scoped.outbound.postMessageOnce(`request-${payload.requestId}-left-out`, {
    channel: owner.slackUserId,
    ...leftOutMessage(labels, new Date(payload.nextSweepAt)),
  });
}
