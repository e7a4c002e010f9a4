/**
 * Users as users.info describes them: every id is a plausible person until a test says otherwise,
 * and a patch from `setUser` is laid over those defaults.
 */
import type { SlackUser, UserPatch } from '../types.ts';
import type { Identity, Workspace } from './workspace.ts';

/** The user as users.info would describe them now (defaults for users never set). */
export function describeUser(workspace: Workspace, userId: string): SlackUser {
  const patch = workspace.world.userPatches.get(userId) ?? {};
  const base = defaultUser(workspace.identity, userId);
  const tz = patch.tz ?? base.tz;
  const now = new Date(workspace.identity.now());
  return {
    ...base,
    ...patch,
    tz,
    tz_label: patch.tz_label ?? zoneLabel(tz, now),
    tz_offset: patch.tz_offset ?? zoneOffsetSeconds(tz, now),
    profile: { ...base.profile, ...patch.profile },
  };
}

/** Creates or changes a user; `tz_label`/`tz_offset` follow `tz` unless given. */
export function setUser(workspace: Workspace, userId: string, patch: UserPatch): SlackUser {
  if (patch.tz !== undefined) zoneLabel(patch.tz, new Date()); // throws early on an unknown zone
  const { userPatches, removedUsers } = workspace.world;
  const previous = userPatches.get(userId) ?? {};
  userPatches.set(userId, {
    ...previous,
    ...patch,
    profile: { ...previous.profile, ...patch.profile },
  });
  removedUsers.delete(userId);
  return describeUser(workspace, userId);
}

/** After this, users.info answers `user_not_found` for the user (as for an erased account). */
export function removeUser(workspace: Workspace, userId: string): void {
  workspace.world.removedUsers.add(userId);
}

function defaultUser({ botUserId, teamId }: Identity, userId: string): SlackUser {
  const isBot = userId === botUserId;
  const name = isBot ? 'mockingbird' : userId.toLowerCase();
  const realName = isBot ? 'Mockingbird' : `User ${userId}`;
  return {
    id: userId,
    team_id: teamId,
    name,
    deleted: false,
    color: '9f69e7',
    real_name: realName,
    tz: 'Europe/London',
    tz_label: '',
    tz_offset: 0,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: name,
      display_name_normalized: name,
      first_name: isBot ? 'Mockingbird' : 'User',
      last_name: isBot ? '' : userId,
      email: `${name}@example.com`,
      title: '',
      status_text: '',
      status_emoji: '',
      image_48: `https://avatars.example.com/${userId}_48.png`,
      image_192: `https://avatars.example.com/${userId}_192.png`,
      team: teamId,
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: isBot,
    is_app_user: false,
    updated: 1_700_000_000,
  };
}

function zoneLabel(tz: string, at: Date): string {
  return timeZoneNamePart(tz, at, 'long') ?? tz;
}

function zoneOffsetSeconds(tz: string, at: Date): number {
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(timeZoneNamePart(tz, at, 'longOffset') ?? '');
  if (!match) return 0;
  const seconds = Number(match[2] ?? 0) * 3_600 + Number(match[3] ?? 0) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function timeZoneNamePart(tz: string, at: Date, style: 'long' | 'longOffset'): string | undefined {
  return new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
}
