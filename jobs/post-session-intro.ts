import { z } from 'zod';
import { BUILT_IN_INTERVIEW_TYPES } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionIntroMessage } from '../src/slack/blocks/session-intro.ts';
import { findSessionForIntro, recordSessionChannel } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

const openedConversation = z.object({ channel: z.object({ id: z.string() }) });

/** Opens the pair's group DM and posts the intro, once: a session with a channel is done. */
export async function postSessionIntro(
  payload: JobPayload<'post-session-intro'>,
  context: JobContext,
): Promise<void> {
  const session = await findSessionForIntro(context.db, payload.sessionId);
  if (!session || session.channelId) return;
  const [first, second] = session.participants;
  if (!first || !second) return;
  const opened = openedConversation.parse(
    await context.slack.conversations.open({ users: `${first.slackUserId},${second.slackUserId}` }),
  );
  const label =
    BUILT_IN_INTERVIEW_TYPES.find((type) => type.slug === session.interviewType)?.label ??
    session.interviewType;
  const message = sessionIntroMessage({
    slackUserIds: [first.slackUserId, second.slackUserId],
    interviewTypeLabel: label,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    reason: session.reason,
    firstInterviewerSlackId: (first.interviewsFirst ? first : second).slackUserId,
  });
  await context.slack.chat.postMessage({ channel: opened.channel.id, ...message });
  await recordSessionChannel(context.db, session.id, opened.channel.id);
}
