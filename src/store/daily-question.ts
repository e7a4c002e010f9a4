import type { Weekday } from '../domain/availability/weekdays.ts';
import type { PastPost } from '../domain/daily-question/rotation.ts';
import type { DailySettings } from '../domain/daily-question/settings-form.ts';
import type { DailyQuestionPost, DailyQuestionSettings } from '../generated/prisma/client.ts';
import type { Database } from './prisma.ts';

/**
 * A workspace's daily-question settings and the record of each day's post. The post row, unique
 * per workspace and local date, is what makes posting idempotent: a worker claims the row before
 * posting and records Slack's ts after, so a retry or a second worker finds it and stands down.
 */

export interface StoredDailySettings extends DailySettings {
  workspaceId: string;
  /** When the schedule last changed; runs due before it are not owed. */
  activeSince: Date;
  updatedBySlackUserId: string;
}

export type DailyPost = Pick<
  DailyQuestionPost,
  'id' | 'localDate' | 'questionId' | 'interviewType' | 'channelId' | 'ts' | 'failedWith'
>;

export async function findDailySettings(
  db: Database,
  workspaceId: string,
): Promise<StoredDailySettings | null> {
  const row = await db.dailyQuestionSettings.findUnique({ where: { workspaceId } });
  return row ? toSettings(row) : null;
}

/** Every workspace's settings, for the start-up catch-up. */
export async function listDailySettings(db: Database): Promise<StoredDailySettings[]> {
  const rows = await db.dailyQuestionSettings.findMany({ orderBy: { workspaceId: 'asc' } });
  return rows.map(toSettings);
}

/**
 * Saves what an organizer submitted. `activeSince` moves only when the schedule itself changed
 * (time, zone, days, on/off): changing the channel or the types at 10:00 must not cancel a 09:00
 * post that a restarting worker still owes.
 */
export async function saveDailySettings(
  db: Database,
  workspaceId: string,
  settings: DailySettings,
  change: { slackUserId: string; now: Date },
): Promise<StoredDailySettings> {
  const data = {
    enabled: settings.enabled,
    channelId: settings.channelId,
    localTime: settings.localTime,
    timezone: settings.timezone,
    weekdays: [...settings.weekdays],
    interviewTypes: [...settings.interviewTypes],
    updatedBySlackUserId: change.slackUserId,
  };
  return db.$transaction(async (tx) => {
    const before = await tx.dailyQuestionSettings.findUnique({ where: { workspaceId } });
    const scheduleChanged =
      !before ||
      before.enabled !== data.enabled ||
      before.localTime !== data.localTime ||
      before.timezone !== data.timezone ||
      before.weekdays.join() !== data.weekdays.join();
    const activeSince = scheduleChanged ? change.now : before.activeSince;
    const row = await tx.dailyQuestionSettings.upsert({
      where: { workspaceId },
      create: { workspaceId, ...data, activeSince },
      update: { ...data, activeSince },
    });
    return toSettings(row);
  });
}

export async function findDailyPost(
  db: Database,
  workspaceId: string,
  localDate: string,
): Promise<DailyPost | null> {
  return db.dailyQuestionPost.findUnique({
    where: { workspaceId_localDate: { workspaceId, localDate } },
    select: POST_FIELDS,
  });
}

/** The type of the workspace's most recent posted question, for the types' turn-taking. */
export async function lastPostedType(db: Database, workspaceId: string): Promise<string | null> {
  const row = await db.dailyQuestionPost.findFirst({
    where: { workspaceId, ts: { not: null } },
    orderBy: [{ localDate: 'desc' }],
    select: { interviewType: true },
  });
  return row?.interviewType ?? null;
}

/** Questions of a type posted in a channel, for its rotation. */
export async function channelHistory(
  db: Database,
  filter: { workspaceId: string; channelId: string; interviewType: string },
): Promise<PastPost[]> {
  const rows = await db.dailyQuestionPost.findMany({
    where: { ...filter, ts: { not: null } },
    select: { questionId: true, interviewType: true, postedAt: true, createdAt: true },
  });
  return rows.map((row) => ({
    questionId: row.questionId,
    interviewType: row.interviewType,
    postedAt: (row.postedAt ?? row.createdAt).getTime(),
  }));
}

/**
 * The day's row: created with this choice unless it exists already, in which case the stored one
 * wins (a retry posts the question it first picked, not a new one).
 */
export async function recordDailyChoice(
  db: Database,
  choice: {
    workspaceId: string;
    localDate: string;
    questionId: string;
    interviewType: string;
    channelId: string;
  },
): Promise<DailyPost> {
  await db.dailyQuestionPost.createMany({ data: [choice], skipDuplicates: true });
  const row = await findDailyPost(db, choice.workspaceId, choice.localDate);
  if (!row) throw new Error('the daily post row vanished right after it was written');
  return row;
}

export async function markDailyPostSent(
  db: Database,
  postId: string,
  sent: { channelId: string; ts: string; at: Date },
): Promise<void> {
  await db.dailyQuestionPost.update({
    where: { id: postId },
    data: { channelId: sent.channelId, ts: sent.ts, postedAt: sent.at },
  });
}

/** The day is given up: Slack refused for good (channel archived, app not in it). */
export async function markDailyPostFailed(db: Database, postId: string, code: string): Promise<void> {
  await db.dailyQuestionPost.updateMany({
    where: { id: postId, ts: null },
    data: { failedWith: code.slice(0, 100) },
  });
}

const POST_FIELDS = {
  id: true,
  localDate: true,
  questionId: true,
  interviewType: true,
  channelId: true,
  ts: true,
  failedWith: true,
} as const;

function toSettings(row: DailyQuestionSettings): StoredDailySettings {
  return {
    workspaceId: row.workspaceId,
    enabled: row.enabled,
    channelId: row.channelId,
    localTime: row.localTime,
    timezone: row.timezone,
    // Written only from the validated form.
    weekdays: row.weekdays as Weekday[],
    interviewTypes: row.interviewTypes,
    activeSince: row.activeSince,
    updatedBySlackUserId: row.updatedBySlackUserId,
  };
}
