import { type Availability, validateAvailability } from '../domain/availability/availability-schema.ts';
import { memberTimeZone } from '../domain/availability/time-zone.ts';
import { type Member, Prisma } from '../generated/prisma/client.ts';
import type { Database } from './prisma.ts';
import { ensureWorkspaceId, retryOnConflict } from './workspaces.ts';

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
 * Finds or creates the member (and their workspace) on first contact. One upsert each, so
 * concurrent first commands cannot create duplicates.
 */
export async function ensureMember(db: Database, ref: MemberRef): Promise<MemberProfile> {
  // Nearly every command comes from someone already known: one indexed read, no writes.
  const known = await db.member.findFirst({
    where: { slackUserId: ref.slackUserId, workspace: { slackTeamId: ref.slackTeamId } },
  });
  if (known) return toProfile(known, ref);
  const workspaceId = await ensureWorkspaceId(db, ref.slackTeamId);
  const member = await retryOnConflict(() =>
    db.member.upsert({
      where: { workspaceId_slackUserId: { workspaceId, slackUserId: ref.slackUserId } },
      create: { workspaceId, slackUserId: ref.slackUserId },
      update: {},
    }),
  );
  return toProfile(member, ref);
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

function toProfile(member: Member, ref: MemberRef): MemberProfile {
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
