import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import { interviewRounds } from '../src/domain/scheduling/interview-rounds.ts';
import { sessionCalendarFile } from '../src/domain/scheduling/session-calendar.ts';
import { recordSentMessage, wasSent } from '../src/store/sent-messages.ts';
import type { SessionRecord } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

/** Uploads the .ics for the session's current version into its DM, once per version. */
export async function uploadSessionInvite(context: JobContext, session: SessionRecord): Promise<void> {
  if (!session.channelId) return;
  const key = `session-${session.id}-v${session.version}-invite`;
  if (await wasSent(context.db, key)) return;
  const label = interviewTypeLabel(session.interviewType);
  await context.outbound.uploadFile({
    channel: session.channelId,
    filename: 'mock-interview.ics',
    title: `Mock interview: ${label}`,
    content: sessionCalendarFile({
      id: session.id,
      version: session.version,
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      typeLabel: label,
      meetingLink: session.participants.find((participant) => participant.meetingLink)?.meetingLink ?? null,
      swap: interviewRounds(session.participants).length === 2,
    }),
    initialComment: 'Add it to your calendar so the time is blocked.',
  });
  await recordSentMessage(context.db, { key, channelId: session.channelId, ts: null });
}
