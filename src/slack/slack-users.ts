import type { WebClient } from '@slack/web-api';
import { z } from 'zod';

/**
 * What users.info tells us about a person, read in one place: their timezone (for a member's
 * clock), whether the account is gone or a bot, and whether Slack counts them as an admin or owner (for
 * organizer checks, asked fresh each time, never cached).
 */
export interface SlackUser {
  /** The IANA zone their Slack profile gives, or null when it gives none. */
  tz: string | null;
  deleted: boolean;
  /** A workspace admin, owner or primary owner. */
  admin: boolean;
  /** An app's bot user (Mockingbird's own included). */
  bot: boolean;
}

const usersInfoResponse = z.object({
  user: z.object({
    tz: z.string().nullish(),
    deleted: z.boolean().optional(),
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
    is_bot: z.boolean().optional(),
  }),
});

export async function readSlackUser(client: WebClient, slackUserId: string): Promise<SlackUser> {
  const { user } = usersInfoResponse.parse(await client.users.info({ user: slackUserId }));
  return {
    tz: user.tz ?? null,
    deleted: user.deleted === true,
    admin: user.is_admin === true || user.is_owner === true || user.is_primary_owner === true,
    bot: user.is_bot === true,
  };
}

/** The member's IANA timezone as their Slack profile gives it (null when Slack has none). */
export async function fetchSlackTimezone(client: WebClient, slackUserId: string): Promise<string | null> {
  return (await readSlackUser(client, slackUserId)).tz;
}
