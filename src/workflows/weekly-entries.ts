import type { AppDeps } from '../app-deps.ts';
import { isoWeekKey, weeklyEntryDue } from '../domain/weekly-opt-in.ts';
import { metrics } from '../observability/metrics.ts';
import { enqueueJob } from '../queue/job-request.ts';
import { findWeeklyMembers, recordWeeklyEntry, type WeeklyMember } from '../store/weekly-opt-in.ts';
import { placeRequest } from './place-request.ts';

const PAGE = 500;

/**
 * Enters every opted-in member into this week's matching, once per ISO week on their own clock:
 * their standing request is placed as if they had typed it (expiry, an instant match, Home), with
 * the week's record and a DM carrying "Skip this week", all in one transaction. Skipped weeks,
 * paused or snoozed members and members already in the running are left alone.
 */
export async function enterWeeklyMembers(
  deps: Pick<AppDeps, 'db' | 'config' | 'now' | 'logger'>,
): Promise<number> {
  const now = deps.now();
  let entered = 0;
  for (let afterId: string | null = null; ; ) {
    const members = await findWeeklyMembers(deps.db, { afterId, take: PAGE }, now);
    for (const member of members) if (await enterIfDue(deps, member, now)) entered += 1;
    if (members.length < PAGE) break;
    afterId = members.at(-1)!.memberId;
  }
  if (entered > 0) deps.logger.info({ entered }, 'weekly practice entered');
  metrics.weeklyEntries.inc(entered);
  return entered;
}

/** One member's entry, if this week's is owed; also what `/mock weekly` runs at once when set. */
export async function enterIfDue(
  deps: Pick<AppDeps, 'db' | 'config' | 'now'>,
  member: WeeklyMember,
  now: Date,
): Promise<boolean> {
  const timezone = member.timezone ?? 'UTC';
  const decision = weeklyEntryDue(member, isoWeekKey(now.getTime(), timezone));
  if (!decision.enter || !member.weeklyRequest) return false;
  await placeRequest(
    deps,
    { id: member.memberId, workspaceId: member.workspaceId, timezone },
    { ...member.weeklyRequest, note: null },
    async (tx, saved) => {
      await recordWeeklyEntry(tx, member.memberId, { week: decision.week, requestId: saved.id });
      return [enqueueJob('weekly-entered', { memberId: member.memberId, week: decision.week })];
    },
  );
  return true;
}
