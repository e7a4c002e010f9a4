import { exportCsv } from '../src/domain/export/export-csv.ts';
import { sessionExportTable, summariseSessionExport } from '../src/domain/export/session-export.ts';
import { type JobPayload, jobIdFor } from '../src/queue/catalogue.ts';
import {
  emptyExportMessage,
  exportFileName,
  exportFileTitle,
  exportRefusedMessage,
  exportSummaryText,
} from '../src/slack/blocks/organizer-export.ts';
import { checkOrganizer } from '../src/slack/organizers.ts';
import { classifySlackError, SlackPermanentError } from '../src/slack/outbound/slack-error-kind.ts';
import { recordSentMessage, wasSent } from '../src/store/sent-messages.ts';
import { listSessionsForExport } from '../src/store/session-export.ts';
import type { JobContext } from './job-context.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Builds the organizer's CSV of the community's sessions in the range and uploads it to their DM
 * with the app, the gist in the comment beside it; a range with no sessions gets a message
 * instead of an empty file. Organizer or not is asked again here, fresh: a delivery can be
 * retried for hours, and the community's records go out only on a check made when they do.
 * Keyed by the job id, so a retry after the upload does not send a second file.
 */
export async function exportSessionsForOrganizer(
  payload: JobPayload<'organizer-export'>,
  context: JobContext,
): Promise<void> {
  const scoped = await context.inWorkspace(payload.workspaceId);
  const key = jobIdFor('organizer-export', payload);
  if (await wasSent(scoped.db, key)) return;
  const range = {
    firstDay: new Date(payload.from).toISOString().slice(0, 10),
    lastDay: new Date(payload.to - DAY_MS).toISOString().slice(0, 10),
  };
  try {
    const organizer = await checkOrganizer(scoped.config, scoped.slack, payload.slackUserId, {
      db: scoped.db,
      slackTeamId: payload.slackTeamId,
    });
    // Posting to a user id lands in the person's DM with the app.
    if (!organizer.allowed) {
      await scoped.outbound.postMessageOnce(`${key}-refused`, {
        channel: payload.slackUserId,
        ...exportRefusedMessage(),
      });
      return;
    }
    const sessions = await listSessionsForExport(scoped.db, payload.workspaceId, payload);
    if (sessions.length === 0) {
      await scoped.outbound.postMessageOnce(`${key}-empty`, {
        channel: payload.slackUserId,
        ...emptyExportMessage(range),
      });
      return;
    }
    const now = scoped.now().getTime();
    // files.uploadV2 shares into a conversation id, not a user id: open (or find) the DM first.
    const channel = await scoped.outbound.openConversation([payload.slackUserId]);
    await scoped.outbound.uploadFile({
      channel,
      filename: exportFileName(range),
      title: exportFileTitle(range),
      content: exportCsv(sessionExportTable(sessions, now)),
      initialComment: exportSummaryText(range, summariseSessionExport(sessions, now)),
    });
    await recordSentMessage(scoped.db, { key, channelId: channel, ts: null });
  } catch (error) {
    // An organizer Slack no longer knows (deactivated, left) needs no file; a retry fails the same way.
    const kind = classifySlackError(error);
    const code =
      error instanceof SlackPermanentError ? error.code : kind.kind === 'permanent' ? kind.code : null;
    if (code === null) throw error;
    context.logger.info(
      { slackUserId: payload.slackUserId, code },
      'organizer export cannot be delivered; skipped',
    );
  }
}
