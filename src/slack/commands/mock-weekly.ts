import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import { completeQuickRequest, parseQuickRequest } from '../../domain/quick-request.ts';
import { isoWeekKey, storedWeeklyRequest, type WeeklyRequest } from '../../domain/weekly-opt-in.ts';
import { defaultDurationFor } from '../../domain/workspace-settings.ts';
import { AppError } from '../../errors.ts';
import type { MemberRef } from '../../store/members.ts';
import { findLatestRequest } from '../../store/partner-requests.ts';
import { findWeeklyMember, setWeeklyRequest, skipWeeklyEntry } from '../../store/weekly-opt-in.ts';
import { findWorkspaceSettings } from '../../store/workspace-settings.ts';
import { enterIfDue } from '../../workflows/weekly-entries.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { weeklyPlainMessage, weeklySetMessage, weeklyStatusMessage } from '../blocks/weekly-opt-in.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/**
 * `/mock weekly <type> [level] [role] [length] [when]`: "pair me every week", entered at once for
 * this week; `/mock weekly skip` skips this week; `/mock weekly off` stops it; `/mock weekly` says
 * where things stand. Times must be weekly (or come from "Usually free" in the profile).
 */
export async function weeklyOptIn(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  text: string,
): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  const timeZone = member.timezone ?? 'UTC';
  const now = deps.now();
  const word = text.trim().toLowerCase();
  if (word === '') {
    const current = await findWeeklyMember(deps.db, member.id, now);
    return weeklyStatusMessage(current?.weeklyRequest ?? null, timeZone);
  }
  if (word === 'off' || word === 'stop') {
    await setWeeklyRequest(deps.db, member.id, null);
    return weeklyPlainMessage(
      'Done: no more weekly pairing. An open request stays open until it is matched or expires.',
    );
  }
  if (word === 'skip') {
    const withdrawn = await skipWeeklyEntry(deps.db, member.id, isoWeekKey(now.getTime(), timeZone), now);
    return weeklyPlainMessage(
      withdrawn
        ? 'Skipped: this week’s request is withdrawn. You are back in next week.'
        : 'Skipped: you will not be entered this week. You are back in next week.',
    );
  }

  const context = { now: now.getTime(), timeZone, horizonDays: DEFAULT_MATCHING_CONFIG.horizonDays };
  const parsed = parseQuickRequest(text, context);
  if (!parsed.ok)
    throw new AppError('invalid-weekly-request', 'weekly request did not parse', parsed.message);
  const [last, settings] = await Promise.all([
    findLatestRequest(deps.db, member.id),
    findWorkspaceSettings(deps.db, member.workspaceId),
  ]);
  const completed = completeQuickRequest(
    parsed.value,
    last,
    member.level,
    context,
    defaultDurationFor(settings),
    member.usualAvailability,
  );
  const { availability } = completed;
  if (availability.now || availability.slots.length > 0 || availability.weekly.length === 0) {
    throw new AppError(
      'weekly-needs-weekly-times',
      'weekly request without weekly times',
      'Weekly pairing needs times you are free most weeks: add them, e.g. `/mock weekly execution weekdays 18-21`, or set “Usually free” in `/mock profile`.',
    );
  }
  const request: WeeklyRequest = { ...completed, availability: { weekly: availability.weekly, slots: [] } };
  await setWeeklyRequest(deps.db, member.id, request);
  const current = await findWeeklyMember(deps.db, member.id, now);
  const enteredNow = current ? await enterIfDue(deps, current, now) : false;
  return weeklySetMessage(storedWeeklyRequest(request) ?? request, timeZone, enteredNow);
}
