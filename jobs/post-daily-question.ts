import { UnrecoverableError } from 'bullmq';
import { nextDailyType, pickDailyQuestion } from '../src/domain/daily-question/rotation.ts';
import { dueRun } from '../src/domain/daily-question/schedule.ts';
import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { dailyPostFailedMessage, dailyQuestionMessage } from '../src/slack/blocks/daily-question.ts';
import { SlackPermanentError } from '../src/slack/outbound/slack-error-kind.ts';
import { errorSummary } from '../src/slack/respond-safely.ts';
import {
  channelHistory,
  type DailyPost,
  findDailyPost,
  findDailySettings,
  lastPostedType,
  markDailyPostFailed,
  markDailyPostSent,
  recordDailyChoice,
  type StoredDailySettings,
} from '../src/store/daily-question.ts';
import { findActiveQuestions, findQuestionById } from '../src/store/question-bank.ts';
import type { JobContext } from './job-context.ts';

/**
 * Posts a workspace's question of the day, at most once per local date, however many runs arrive
 * (the scheduler's, a start-up catch-up's, retries, several workers):
 *  1. the run owed now is computed on the injected clock (dueRun): none, or today's;
 *  2. today's row is written with its question (unique per workspace and date: the first wins);
 *  3. the post goes through the outbound gateway like every other message: paced in its channel,
 *     429s waited out, and keyed by the workspace and date, so two runs at once post once.
 * A refusal that no retry changes (the app is not in the channel, it is archived) gives the day up
 * and tells the organizer who set it up.
 */
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
  const key = `workspace-${settings.workspaceId}-daily-question-${post.localDate}`;
  try {
    await joinChannel(context, channel);
    const message = dailyQuestionMessage(question, interviewTypeLabel(question.type));
    const posted = await context.outbound.postMessageOnce(key, { channel, ...message, unfurl_links: false });
    await markDailyPostSent(context.db, post.id, {
      channelId: posted.channel,
      ts: posted.ts ?? '',
      at: context.now(),
    });
  } catch (error) {
    if (!(error instanceof SlackPermanentError)) throw error;
    await giveUpDay(context, settings, post, error.code);
    throw new UnrecoverableError(`Slack refused the daily question: ${error.code}`);
  }
}

/**
 * Joins a public channel before the first post (channels:join). A private channel answers
 * method_not_supported_for_channel_type, and one the app cannot see channel_not_found: either way
 * the post itself says whether the app is in it. An archived channel ends the day at once.
 */
async function joinChannel(context: JobContext, channel: string): Promise<void> {
  try {
    await context.outbound.call('conversations.join', (client) => client.conversations.join({ channel }));
  } catch (error) {
    if (error instanceof SlackPermanentError && error.code !== 'is_archived') return;
    throw error;
  }
}

/** The day is given up, and the organizer who set the daily question up is told why (once). */
async function giveUpDay(
  context: JobContext,
  settings: StoredDailySettings,
  post: DailyPost,
  code: string,
): Promise<void> {
  await markDailyPostFailed(context.db, post.id, code);
  context.logger.warn({ workspaceId: settings.workspaceId, slackError: code }, 'daily question refused');
  if (!settings.updatedBySlackUserId) return;
  try {
    await context.outbound.postMessageOnce(
      `workspace-${settings.workspaceId}-daily-question-${post.localDate}-refused`,
      {
        channel: settings.updatedBySlackUserId,
        ...dailyPostFailedMessage(settings.channelId, code),
      },
    );
  } catch (notifyError) {
    context.logger.warn({ err: errorSummary(notifyError) }, 'could not tell the organizer');
  }
}
