import type { JobPayload } from '../src/queue/catalogue.ts';
import { enterWeeklyMembers } from '../src/workflows/weekly-entries.ts';
import type { JobContext } from './job-context.ts';

/** Hourly (a job scheduler): enters opted-in members into this week's matching, once a week each. */
export async function weeklyEntriesJob(
  _payload: JobPayload<'weekly-entries'>,
  context: JobContext,
): Promise<void> {
  await enterWeeklyMembers(context);
}
