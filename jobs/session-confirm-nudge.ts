import { sessionTimingFor } from '../src/domain/workspace-settings.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { slackDate } from '../src/slack/blocks/slack-date.ts';
import { findSession } from '../src/store/sessions.ts';
import { findWorkspaceSettings } from '../src/store/workspace-settings.ts';
import type { JobContext } from './job-context.ts';

/** Nudges whoever has not confirmed a proposal yet, and says when it will be released. */
export async function nudgeUnconfirmedSession(
  payload: JobPayload<'session-confirm-nudge'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  if (session?.status !== 'PROPOSED' || session.version !== payload.version || !session.channelId) return;
  const scoped = await context.inWorkspace(session.workspaceId);
  const waiting = session.participants.filter((p) => !p.confirmedAt).map((p) => `<@${p.slackUserId}>`);
  if (waiting.length === 0) return;
  const settings = await findWorkspaceSettings(context.db, session.workspaceId);
  const { releaseMs } = sessionTimingFor(context.config.sessions, settings);
  const releaseAt = new Date(Math.min(session.proposedAt + releaseMs, session.startsAt));
  const text = `${waiting.join(' and ')}: does one of the times above work? Press *Confirm* or pick another. Without an answer by ${slackDate(releaseAt, '{date_short_pretty} at {time}')}, I will release the session and look for new partners.`;
  await scoped.outbound.postMessageOnce(`session-${session.id}-v${payload.version}-confirm-nudge`, {
    channel: session.channelId,
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  });
}
