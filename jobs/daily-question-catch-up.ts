import { dueRun } from '../src/domain/daily-question/schedule.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { scheduleDailyQuestion } from '../src/queue/daily-question-schedule.ts';
import { enqueueJob } from '../src/queue/job-request.ts';
import { findDailyPost, listDailySettings } from '../src/store/daily-question.ts';
import { queueFollowUps } from '../src/workflows/outbox.ts';
import type { JobContext } from './job-context.ts';

/**
 * Runs when a worker starts. Sets every workspace's job scheduler again (Redis may have lost it),
 * and queues today's question where it is owed and not yet posted: the app was down at the time.
 * Only today's: dueRun never owes an earlier day, so a long outage leaves no backlog.
 */
export async function catchUpDailyQuestions(
  _payload: JobPayload<'daily-question-catch-up'>,
  context: JobContext,
): Promise<void> {
  const now = context.now().getTime();
  for (const settings of await listDailySettings(context.db)) {
    await scheduleDailyQuestion(context.queues, settings);
    if (!settings.enabled) continue;
    const due = dueRun(settings, now, settings.activeSince.getTime());
    if (!due) continue;
    const post = await findDailyPost(context.db, settings.workspaceId, due.localDate);
    if (post?.ts || post?.failedWith) continue;
    await queueFollowUps(context.db, [
      enqueueJob('post-daily-question', { workspaceId: settings.workspaceId, localDate: due.localDate }),
    ]);
  }
}
