import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.ts';
import { normaliseTimeZone } from '../domain/availability/time-zone.ts';
import type { Database } from '../store/prisma.ts';
import { listedOrganizers } from '../store/workspace-settings.ts';
import { readSlackUser } from './slack-users.ts';

/**
 * Who may change organizer settings: the workspace's admins and owners, as Slack says today
 * (users.info, never a flag cached from earlier), anyone the host lists in ORGANIZER_SLACK_IDS,
 * and the members organizers have named in the workspace's settings (read fresh each time too).
 * Checked on the server for every open and every submit: a modal's submission can be replayed or
 * forged by anyone who has seen one.
 */

export interface OrganizerCheck {
  allowed: boolean;
  /** The person's Slack timezone, which the settings form offers as a default. */
  timezone: string | null;
}

export const NOT_AN_ORGANIZER =
  'Only organizers can change Mockingbird’s settings: the workspace’s admins and owners, and members the organizers or the person who runs Mockingbird have named. Ask one of them.';

/** The workspace whose settings may name more organizers. */
export interface OrganizerWorkspace {
  db: Database;
  slackTeamId: string;
}

export async function checkOrganizer(
  config: Pick<Config, 'organizerSlackIds'>,
  client: WebClient,
  slackUserId: string,
  workspace?: OrganizerWorkspace,
): Promise<OrganizerCheck> {
  const [user, named] = await Promise.all([
    readSlackUser(client, slackUserId),
    workspace ? listedOrganizers(workspace.db, workspace.slackTeamId) : Promise.resolve<string[]>([]),
  ]);
  const listed = config.organizerSlackIds.includes(slackUserId) || named.includes(slackUserId);
  return { allowed: !user.deleted && (user.admin || listed), timezone: normaliseTimeZone(user.tz) };
}
