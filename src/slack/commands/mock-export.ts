import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import type { ExportRange } from '../../domain/export/export-range.ts';
import { AppError } from '../../errors.ts';
import { enqueueJob } from '../../queue/job-request.ts';
import type { MemberRef } from '../../store/members.ts';
import { ensureWorkspaceId } from '../../store/workspaces.ts';
import { queueFollowUps } from '../../workflows/outbox.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { exportQueuedMessage, NOT_AN_EXPORT_ORGANIZER } from '../blocks/organizer-export.ts';
import { checkOrganizer } from '../organizers.ts';

/**
 * `/mock admin export [range]`, once the range has been read: checks on the server that the
 * person is an organizer, then queues the export through the outbox. Building the file is a
 * query over the whole range and an upload, so a job does it (jobs/organizer-export.ts) and the
 * command answers at once.
 */
export async function requestOrganizerExport(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  range: ExportRange,
): Promise<SlackMessage> {
  const organizer = await checkOrganizer(deps.config, client, ref.slackUserId, {
    db: deps.db,
    slackTeamId: ref.slackTeamId,
  });
  if (!organizer.allowed) throw new AppError('not-an-organizer', 'export refused', NOT_AN_EXPORT_ORGANIZER);
  const workspaceId = await ensureWorkspaceId(deps.db, ref.slackTeamId);
  await queueFollowUps(deps.db, [
    enqueueJob('organizer-export', {
      workspaceId,
      slackTeamId: ref.slackTeamId,
      slackUserId: ref.slackUserId,
      from: range.from,
      to: range.to,
      requestedAt: deps.now().getTime(),
    }),
  ]);
  return exportQueuedMessage(range);
}
