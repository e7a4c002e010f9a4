import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../app-deps.ts';
import { usableTimeZone } from '../domain/availability/time-zone.ts';
import { enqueueJob } from '../queue/job-request.ts';
import {
  createMember,
  findMember,
  type MemberProfile,
  type MemberRef,
  recordSlackProfile,
} from '../store/members.ts';
import { queueFollowUps } from '../workflows/outbox.ts';
import { fetchSlackTimezone } from './slack-users.ts';

const PROFILE_REFRESH_AFTER_MS = 24 * 3600 * 1000;

/**
 * The member, with Slack's timezone read on first contact: the member is waiting, so that first
 * read is inline, and made before their row exists, so one statement creates it already synced.
 * Later refreshes (people travel) go to the background.
 */
export async function ensureSyncedMember(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
): Promise<MemberProfile> {
  return syncMember(deps, client, ref, await findMember(deps.db, ref));
}

/**
 * ensureSyncedMember for a caller that has already read the member (`known`, null when there was
 * no row) together with what it needed: a known, synced member then costs no round trip here.
 */
export async function syncMember(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  known: MemberProfile | null,
): Promise<MemberProfile> {
  if (known?.profileSyncedAt) {
    if (deps.now().getTime() - known.profileSyncedAt.getTime() > PROFILE_REFRESH_AFTER_MS) {
      await queueFollowUps(deps.db, [enqueueJob('refresh-member-profile', ref)]);
    }
    return known;
  }
  let timezone: string | null;
  try {
    timezone = await fetchSlackTimezone(client, ref.slackUserId);
  } catch (error) {
    // Slack failing now must not stop the member: go on with what is known (their own zone, or
    // UTC, which the answer mentions). Nothing is recorded as synced, so their next contact reads
    // Slack again, and so does the background refresh queued here.
    deps.logger.warn({ err: (error as Error).message }, 'users.info failed on first contact; will retry');
    const member = known ?? (await createMember(deps.db, ref, null));
    await queueFollowUps(deps.db, [enqueueJob('refresh-member-profile', ref)]);
    return member;
  }
  const syncedAt = deps.now();
  if (!known) return createMember(deps.db, ref, { timezone, syncedAt });
  // Known but never synced (Slack failed on their first contact): record it now.
  await recordSlackProfile(deps.db, ref, { timezone }, syncedAt);
  return {
    ...known,
    timezone: known.timezone ?? usableTimeZone(timezone),
    timezoneFromSlack: timezone,
    profileSyncedAt: syncedAt,
  };
}
