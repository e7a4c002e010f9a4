import { type ScoreHistory, scoreHistories } from '../domain/feedback/score-history.ts';
import {
  activityWindowStart,
  type WeekActivity,
  weeklyActivity,
} from '../domain/feedback/weekly-activity.ts';
import { interviewTypeLabel } from '../domain/interview-types.ts';
import { renamedDimensions } from '../domain/question-bank/rubric-dimensions.ts';
import type { RubricFile } from '../domain/question-bank/rubric-schema.ts';
import { feedbackReceivedBy } from '../store/member-history.ts';
import type { Database } from '../store/prisma.ts';
import { rubricFor } from '../store/rubrics.ts';
import { type ChartRecipient, completedSessionsBetween } from '../store/stats-charts.ts';

/**
 * The numbers behind the `/mock stats` charts, as plain data: the member's scores per rubric
 * dimension (their revealed feedback only, as the Home tab shows it) and, for an organizer, the
 * community's sessions per week. The charts module draws them; nothing here knows about pixels.
 */

/** Weeks in the organizers' activity chart: two months, enough to see a trend, few enough to read. */
export const ACTIVITY_WEEKS = 8;

export interface MemberTrend {
  history: ScoreHistory;
  typeLabel: string;
  /** Dimension id → the rubric's label (the id itself for a dimension the rubric no longer has). */
  dimensionLabels: Record<string, string>;
}

export interface StatsChartData {
  trends: MemberTrend[];
  /** Null unless the member is an organizer. */
  activity: WeekActivity[] | null;
}

export async function loadStatsChartData(
  db: Database,
  recipient: ChartRecipient,
  options: { now: Date; organizer: boolean; timeZone: string },
): Promise<StatsChartData> {
  const received = await feedbackReceivedBy(db, recipient.memberId);
  const rubrics = new Map<string, RubricFile>();
  for (const type of new Set(received.map((each) => each.interviewType))) {
    const rubric = await rubricFor(type);
    if (rubric) rubrics.set(type, rubric);
  }
  const histories = scoreHistories(received, {
    dimensionOrder: Object.fromEntries(
      [...rubrics].map(([type, rubric]) => [type, rubric.dimensions.map((each) => each.id)]),
    ),
    renamed: renamedDimensions(rubrics.values()),
  });
  const trends = histories.map((history) => ({
    history,
    typeLabel: interviewTypeLabel(history.interviewType),
    dimensionLabels: Object.fromEntries(
      history.dimensions.map(({ dimension }) => [
        dimension,
        rubrics.get(history.interviewType)?.dimensions.find((each) => each.id === dimension)?.label ??
          dimension,
      ]),
    ),
  }));
  if (!options.organizer) return { trends, activity: null };

  const now = options.now.getTime();
  const since = activityWindowStart(now, options.timeZone, ACTIVITY_WEEKS);
  const sessions = await completedSessionsBetween(db, recipient.workspaceId, new Date(since), options.now);
  return { trends, activity: weeklyActivity(sessions, now, options.timeZone, ACTIVITY_WEEKS) };
}
