import type { AppDeps } from '../app-deps.ts';
import type { SessionBrief } from '../domain/sessions/session-brief.ts';
import { enqueueJob } from '../queue/job-request.ts';
import { findBriefContext, saveBrief } from '../store/session-briefs.ts';
import { writeFollowUps } from './outbox.ts';

export type SharedBrief = { kind: 'shared'; interviewerSlackUserId: string } | { kind: 'not-yours' };

/** Saves the interviewee's brief and its delivery to the interviewer in one transaction. */
export async function shareSessionBrief(
  deps: Pick<AppDeps, 'db'>,
  input: { sessionId: string; slackUserId: string; brief: SessionBrief },
): Promise<SharedBrief> {
  return deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${input.sessionId}::uuid FOR UPDATE`;
    const context = await findBriefContext(tx, input.sessionId, input.slackUserId);
    if (!context?.interviewer || (context.status !== 'PROPOSED' && context.status !== 'CONFIRMED')) {
      return { kind: 'not-yours' };
    }
    const revision = await saveBrief(tx, {
      sessionId: context.sessionId,
      memberId: context.interviewee.memberId,
      brief: input.brief,
    });
    await writeFollowUps(tx, [
      enqueueJob('session-brief', {
        sessionId: context.sessionId,
        memberId: context.interviewee.memberId,
        revision,
      }),
    ]);
    return { kind: 'shared', interviewerSlackUserId: context.interviewer.slackUserId };
  });
}
