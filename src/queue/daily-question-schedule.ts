import { cronPattern, type DailySchedule } from '../domain/daily-question/schedule.ts';
import { jobDefinition } from './catalogue.ts';
import type { JobQueues } from './job-queues.ts';

/**
 * One BullMQ job scheduler per workspace fires its daily question: a cron pattern read in the
 * workspace's timezone, so BullMQ (through cron-parser) keeps the local time across DST switches.
 * Upserting is idempotent, so the settings modal and every worker start may call it.
 */

export function dailySchedulerId(workspaceId: string): string {
  return `workspace-${workspaceId}-daily-question`;
}

export async function scheduleDailyQuestion(
  queues: JobQueues,
  settings: DailySchedule & { workspaceId: string; enabled: boolean },
): Promise<void> {
  const name = 'post-daily-question';
  const queue = queues.queue(name);
  const schedulerId = dailySchedulerId(settings.workspaceId);
  if (!settings.enabled || settings.weekdays.length === 0) {
    await queue.removeJobScheduler(schedulerId);
    return;
  }
  await queue.upsertJobScheduler(
    schedulerId,
    { pattern: cronPattern(settings), tz: settings.timezone },
    {
      name,
      data: jobDefinition(name).payload.parse({ workspaceId: settings.workspaceId }),
      opts: queues.optionsFor(name),
    },
  );
}
