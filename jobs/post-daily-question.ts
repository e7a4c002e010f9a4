import { ErrorCode, type WebClient } from '@slack/web-api';
import { UnrecoverableError } from 'bullmq';
import { nextDailyType, pickDailyQuestion } from '../src/domain/daily-question/rotation.ts';
import { dueRun } from '../src/domain/daily-question/schedule.ts';
import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { dailyPostFailedMessage, dailyQuestionMessage } from '../src/slack/blocks/daily-question.ts';
import { errorSummary } from '../src/slack/respond-safely.ts';
import {
  channelHistory,
  claimDailyPost,
  type DailyPost,
  findDailyPost,
  findDailySettings,
  lastPostedType,
  markDailyPostFailed,
  markDailyPostSent,
  recordDailyChoice,
  releaseDailyPost,
  type StoredDailySettings,
} from '../src/store/daily-question.ts';
import { findActiveQuestions, findQuestionById } from '../src/store/question-bank.ts';
import type { JobContext } from './job-context.ts';

/**
 * Posts a workspace's question of the day, at most once per local date, however many runs arrive
 * (the scheduler's, a start-up catch-up's, retries, several workers):
 *  1. the run owed now is computed on the injected clock (dueRun): none, or today's;
 *  2. today's row is written with its question (unique per workspace and date: the first wins);
 *  3. one run claims the row, posts, and records Slack's ts; the others find it claimed or posted.
 * A claim is released when Slack's answer proves nothing was posted, so a retry goes at once; after
 * a timeout nobody knows, so the claim stands until its lease ends rather than risk a double post.
 */

/** Longer than one post can take (client timeout and retries), shorter than the job's retries. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** Slack's answers that no retry will change. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'invalid_blocks',
  'msg_too_long',
]);

export async function postDailyQuestion(
  payload: JobPayload<'post-daily-question'>,
  context: JobContext,
): Promise<void> {
  const settings = await findDailySettings(context.db, payload.workspaceId);
  if (!settings?.enabled) return;
  const now = context.now();
  const due = dueRun(settings, now.getTime(), settings.activeSince.getTime());
  // A catch-up queued for a date that has passed (or a schedule changed since) owes nothing.
  if (!due || (payload.localDate && payload.localDate !== due.localDate)) return;

  let post = await findDailyPost(context.db, settings.workspaceId, due.localDate);
  if (post?.ts || post?.failedWith) return;
  if (!post) {
    const choice = await chooseQuestion(context, settings);
    if (!choice) {
      context.logger.warn({ workspaceId: settings.workspaceId }, 'no active question for the daily types');
      return;
    }
    post = await recordDailyChoice(context.db, {
      workspaceId: settings.workspaceId,
      localDate: due.localDate,
      channelId: settings.channelId,
      ...choice,
    });
  }

  if (!(await claimDailyPost(context.db, post.id, now, CLAIM_LEASE_MS))) {
    const current = await findDailyPost(context.db, settings.workspaceId, due.localDate);
    if (current?.ts || current?.failedWith) return;
    // Another run holds the claim. Retrying (with backoff) finds it posted, or takes over once the
    // lease shows that run died mid-post.
    throw new Error('the daily question is being posted by another run');
  }
  await send(await context.inWorkspace(settings.workspaceId), settings, post);
}

async function chooseQuestion(
  context: JobContext,
  settings: StoredDailySettings,
): Promise<{ questionId: string; interviewType: string } | null> {
  const pools = new Map<string, string[]>();
  for (const type of settings.interviewTypes) {
    const questions = await findActiveQuestions(context.db, { workspaceId: settings.workspaceId, type });
    const ids = questions.map((question) => question.id);
    pools.set(type, ids);
  }
  const lastType = await lastPostedType(context.db, settings.workspaceId);
  const type = nextDailyType(settings.interviewTypes, lastType, (each) => (pools.get(each)?.length ?? 0) > 0);
  if (!type) return null;
  const history = await channelHistory(context.db, {
    workspaceId: settings.workspaceId,
    channelId: settings.channelId,
    interviewType: type,
  });
  const choice = pickDailyQuestion({ questionIds: pools.get(type)!, history, random: Math.random });
  return choice ? { questionId: choice.questionId, interviewType: type } : null;
}

async function send(context: JobContext, settings: StoredDailySettings, post: DailyPost): Promise<void> {
  const question = await findQuestionById(context.db, post.questionId);
  if (!question) {
    await markDailyPostFailed(context.db, post.id, 'question_missing');
    return;
  }
  const channel = settings.channelId;
  try {
    await joinChannel(context.slack, channel);
  } catch (error) {
    await handleSlackFailure(context, settings, post, error, { surelyNotPosted: true });
    throw error;
  }
  let ts: string;
  try {
    const message = dailyQuestionMessage(question, interviewTypeLabel(question.type));
    const result = await context.slack.chat.postMessage({ channel, ...message, unfurl_links: false });
    ts = result.ts!;
  } catch (error) {
    await handleSlackFailure(context, settings, post, error, { surelyNotPosted: false });
    throw error;
  }
  await markDailyPostSent(context.db, post.id, { channelId: channel, ts, at: context.now() });
}

/**
 * Joins a public channel before the first post (channels:join). A private channel answers
 * method_not_supported_for_channel_type, and one the app cannot see channel_not_found: either way
 * the post itself says whether the app is in it.
 */
async function joinChannel(slack: WebClient, channel: string): Promise<void> {
  try {
    await slack.conversations.join({ channel });
  } catch (error) {
    const code = platformError(error);
    if (code === undefined || code === 'is_archived') throw error;
  }
}

async function handleSlackFailure(
  context: JobContext,
  settings: StoredDailySettings,
  post: DailyPost,
  error: unknown,
  { surelyNotPosted }: { surelyNotPosted: boolean },
): Promise<void> {
  const code = platformError(error);
  if (code && PERMANENT_ERRORS.has(code)) {
    await markDailyPostFailed(context.db, post.id, code);
    context.logger.warn({ workspaceId: settings.workspaceId, slackError: code }, 'daily question refused');
    try {
      await context.slack.chat.postMessage({
        channel: settings.updatedBySlackUserId,
        ...dailyPostFailedMessage(settings.channelId, code),
      });
    } catch (notifyError) {
      context.logger.warn({ err: errorSummary(notifyError) }, 'could not tell the organizer');
    }
    throw new UnrecoverableError(`Slack refused the daily question: ${code}`);
  }
  // Slack answered (an error or a 429), so nothing was posted and a retry may claim at once. After a
  // timeout or a dropped connection the post may have gone out: the claim stands until its lease ends.
  const answered = code !== undefined || (error as { code?: string }).code === ErrorCode.RateLimitedError;
  if (surelyNotPosted || answered) await releaseDailyPost(context.db, post.id);
}

function platformError(error: unknown): string | undefined {
  const { code, data } = error as { code?: string; data?: { error?: string } };
  return code === ErrorCode.PlatformError ? data?.error : undefined;
}
