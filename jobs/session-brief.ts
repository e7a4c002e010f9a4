import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionBriefMessage } from '../src/slack/blocks/session-brief.ts';
import { findBriefContext } from '../src/store/session-briefs.ts';
import { findSession } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

/** Sends the interviewee's brief to their interviewer's DM with the app, once per revision. */
export async function deliverSessionBrief(
  payload: JobPayload<'session-brief'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  const interviewee = session?.participants.find((p) => p.memberId === payload.memberId);
  if (!session || !interviewee) return;
  if (session.status !== 'PROPOSED' && session.status !== 'CONFIRMED') return;
  const brief = await findBriefContext(context.db, session.id, interviewee.slackUserId);
  // A newer revision carries its own delivery; this one is superseded.
  if (!brief?.interviewer || !brief.interviewee.brief || brief.interviewee.revision !== payload.revision)
    return;
  const scoped = await context.inWorkspace(session.workspaceId);
  const channel = await scoped.outbound.openConversation([brief.interviewer.slackUserId]);
  await scoped.outbound.postMessageOnce(
    `session-${session.id}-brief-${payload.memberId}-r${payload.revision}`,
    {
      channel,
      ...sessionBriefMessage({
        intervieweeSlackUserId: interviewee.slackUserId,
        typeLabel: interviewTypeLabel(session.interviewType),
        startsAt: session.startsAt,
        brief: brief.interviewee.brief,
        revised: payload.revision > 1,
      }),
    },
  );
}
