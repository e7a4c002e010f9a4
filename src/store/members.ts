import { type Availability, validateAvailability } from '../domain/availability/availability-schema.ts';
import { memberTimeZone } from '../domain/availability/time-zone.ts';
import { type Member, Prisma } from '../generated/prisma/client.ts';
import type { Database, DbClient } from './prisma.ts';

export interface MemberRef {
  slackTeamId: string;
  slackUserId: string;
}

export interface MemberProfile {
  id: string;
  workspaceId: string;
  slackTeamId: string;
  slackUserId: string;
  /** The zone we use: the member's own choice, else Slack's, else null (also when unusable). */
  timezone: string | null;
  timezoneFromSlack: string | null;
  /** The zone the member picked in /mock profile, or null when they follow Slack's. */
  timezoneOverride: string | null;
  level: string | null;
  meetingLink: string | null;
  /** "Usually free" from the profile: the quick path and the form start from it. */
  usualTimes: string | null;
  usualAvailability: Availability | null;
  /** When Slack's profile was last read; null before the first read. */
  profileSyncedAt: Date | null;
}

/**
 * Finds or creates the member (and their workspace) on first contact: one indexed read for the
 * nearly every command that comes from someone already known, one more statement for a newcomer.
 */
export async function ensureMember(db: DbClient, ref: MemberRef): Promise<MemberProfile> {
  return (await findMember(db, ref)) ?? createMember(db, ref, null);
}

/** The member, or null before their first contact. */
export async function findMember(db: DbClient, ref: MemberRef): Promise<MemberProfile | null> {
  const known = await db.member.findFirst({
    where: { slackUserId: ref.slackUserId, workspace: { slackTeamId: ref.slackTeamId } },
  });
  return known ? toProfile(known, ref) : null;
}

/**
 * Creates the member, and their workspace if it is new, in one statement (a first contact is
 * waiting on it), with what Slack's profile said when it was read first (`slack`, or null when it
 * has not been). Times are written as UTC whatever the session's zone, as Prisma writes them.
 * Concurrent first contacts cannot duplicate either row: both inserts give way to
 * a row that already exists and return it; a member's row then takes the fresher Slack profile.
 */
export async function createMember(
  db: DbClient,
  ref: MemberRef,
  slack: { timezone: string | null; syncedAt: Date } | null,
): Promise<MemberProfile> {
  const rows = await db.$queryRaw<Member[]>`
    WITH workspace AS (
      INSERT INTO "Workspace" ("id", "slackTeamId", "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), ${ref.slackTeamId}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      ON CONFLICT ("slackTeamId") DO UPDATE SET "slackTeamId" = EXCLUDED."slackTeamId"
      RETURNING "id"
    )
    INSERT INTO "Member" ("id", "workspaceId", "slackUserId", "timezone", "profileSyncedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), workspace."id", ${ref.slackUserId}, ${slack?.timezone ?? null},
      (${slack?.syncedAt.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC'),
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM workspace
    ON CONFLICT ("workspaceId", "slackUserId") DO UPDATE SET
      "timezone" = CASE WHEN EXCLUDED."profileSyncedAt" IS NULL THEN "Member"."timezone" ELSE EXCLUDED."timezone" END,
      "profileSyncedAt" = COALESCE(EXCLUDED."profileSyncedAt", "Member"."profileSyncedAt")
    RETURNING *`;
  return toProfile(rows[0]!, ref);
}

/** Stores what Slack's profile says; returns false when the member no longer exists. */
export async function recordSlackProfile(
  db: Database,
  ref: MemberRef,
  profile: { timezone: string | null },
  syncedAt: Date,
): Promise<boolean> {
  const { count } = await db.member.updateMany({
    where: { slackUserId: ref.slackUserId, workspace: { slackTeamId: ref.slackTeamId } },
    data: { timezone: profile.timezone, profileSyncedAt: syncedAt },
  });
  return count > 0;
}

/** Pauses (no end), snoozes (until a date) or resumes matching for the member. */
export async function setMatchingPause(
  db: Database,
  memberId: string,
  pause: { pausedAt: Date | null; snoozedUntil: Date | null },
): Promise<void> {
  await db.member.update({ where: { id: memberId }, data: pause });
}

/** The settings a member edits in `/mock profile`. */
export async function updateProfile(
  db: Database,
  memberId: string,
  profile: {
    timezoneOverride: string | null;
    level: string | null;
    meetingLink: string | null;
    usualTimes: { text: string; availability: Availability } | null;
  },
): Promise<void> {
  const { usualTimes, ...rest } = profile;
  await db.member.update({
    where: { id: memberId },
    data: {
      ...rest,
      usualTimes: usualTimes?.text ?? null,
      usualAvailability: usualTimes ? (usualTimes.availability as Prisma.InputJsonValue) : Prisma.DbNull,
    },
  });
}

/** A stored default that no longer validates (an older shape) is simply not used. */
function readUsualAvailability(value: unknown): Availability | null {
  if (value === null || value === undefined) return null;
  const valid = validateAvailability(value);
  return valid.ok ? valid.value : null;
}

/** The columns a MemberProfile is made from. */
export type ProfileColumns = Pick<
  Member,
  | 'id'
  | 'workspaceId'
  | 'timezone'
  | 'timezoneOverride'
  | 'level'
  | 'meetingLink'
  | 'usualTimes'
  | 'usualAvailability'
  | 'profileSyncedAt'
>;

/** The profile the app works with, from the member's row (the caller knows their Slack ids). */
export function toProfile(member: ProfileColumns, ref: MemberRef): MemberProfile {
  return {
    id: member.id,
    workspaceId: member.workspaceId,
    slackTeamId: ref.slackTeamId,
    slackUserId: ref.slackUserId,
    timezone: memberTimeZone(member.timezoneOverride, member.timezone),
    timezoneFromSlack: member.timezone,
    timezoneOverride: member.timezoneOverride,
    level: member.level,
    meetingLink: member.meetingLink,
    usualTimes: member.usualTimes,
    usualAvailability: readUsualAvailability(member.usualAvailability),
    profileSyncedAt: member.profileSyncedAt,
  };
}
