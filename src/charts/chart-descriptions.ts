import { DateTime } from 'luxon';
import { scoreTrend } from '../domain/feedback/dimension-trends.ts';
import type { ScoreHistory } from '../domain/feedback/score-history.ts';
import type { WeekActivity } from '../domain/feedback/weekly-activity.ts';

/**
 * What each `/mock stats` chart shows and says, as plain data: the series to draw, the title, the
 * message beside it and the alt text a screen reader reads instead of the picture. Pure and free
 * of the canvas, so the job can describe charts without loading the renderer.
 */

interface ChartWords {
  /** Stable within a request (the keyed send) and safe in a file name. */
  key: string;
  filename: string;
  title: string;
  /** Slack's initial_comment: the message the picture comes in. */
  comment: string;
  /** Everything the picture says, in words. */
  altText: string;
  xLabels: string[];
}

export interface TrendChart extends ChartWords {
  kind: 'trend';
  series: Array<{ label: string; scores: Array<number | null> }>;
}

export interface ActivityChart extends ChartWords {
  kind: 'activity';
  held: number[];
  withNoShow: number[];
}

export type StatsChart = TrendChart | ActivityChart;

/** Slack keeps a file's alt text short; a longer one is cut at a word with an ellipsis. */
export const ALT_TEXT_LIMIT = 1000;

/** One interview type's feedback, as src/workflows/stats-chart-data.ts loads it. */
export interface TrendInput {
  history: ScoreHistory;
  typeLabel: string;
  dimensionLabels: Record<string, string>;
}

function day(at: number, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toFormat('d LLL');
}

const TREND_WORDS = { up: 'rising', down: 'falling', steady: 'steady', new: null } as const;

export function describeTrendChart(input: TrendInput, timeZone: string): TrendChart {
  const { history, typeLabel } = input;
  const count = history.sessions.length;
  const sessions =
    count === 1 ? 'your one session with feedback' : `your last ${count} sessions with feedback`;
  const series = history.dimensions.map(({ dimension, scores }) => ({
    label: input.dimensionLabels[dimension] ?? dimension,
    scores,
  }));
  const described = series.map(({ label, scores }) => ({
    label,
    scores,
    trend: TREND_WORDS[scoreTrend(scores.filter((score): score is number => score !== null)).trend],
  }));
  const lines = described.map(({ label, scores, trend }) => {
    const values = scores.map((score) => (score === null ? 'not covered' : String(score))).join(', ');
    return `${label}: ${values}${trend ? ` (${trend})` : ''}.`;
  });
  // The gist in the message itself too: a screen reader reads it even where a client skips alt text.
  const directions = described.flatMap(({ label, trend }) => (trend ? [`${label} ${trend}`] : []));
  const first = day(history.sessions[0]!, timeZone);
  const last = day(history.sessions.at(-1)!, timeZone);
  const span = count === 1 ? `on ${first}` : `from ${first} to ${last}`;
  return {
    kind: 'trend',
    key: `trend-${history.interviewType}`,
    filename: `feedback-trend-${history.interviewType}.png`,
    title: `Your ${typeLabel} feedback per rubric dimension`,
    comment: `Your ${typeLabel} scores per rubric dimension, over ${sessions}${directions.length > 0 ? `: ${directions.join(', ')}` : ''}.`,
    altText: limitAltText(
      `Line chart of your ${typeLabel} feedback, ${sessions}, ${span}; scores from 1 (weak) to 4 (strong). ${lines.join(' ')}`,
    ),
    xLabels: history.sessions.map((at) => day(at, timeZone)),
    series,
  };
}

export function describeActivityChart(weeks: readonly WeekActivity[], timeZone: string): ActivityChart {
  const held = weeks.map((week) => week.held);
  const withNoShow = weeks.map((week) => week.withNoShow);
  const xLabels = weeks.map((week, index) =>
    index === weeks.length - 1 ? 'This week' : day(week.weekStart, timeZone),
  );
  const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
  const perWeek = weeks.map(
    (week, index) =>
      `${index === weeks.length - 1 ? 'this week' : `week of ${xLabels[index]}`}: ${week.held} held, ${week.withNoShow} with a no-show`,
  );
  return {
    kind: 'activity',
    key: 'weekly-activity',
    filename: 'weekly-activity.png',
    title: 'Sessions per week in your community',
    comment:
      `Sessions per week in the community over the last ${weeks.length} weeks: ${total(held)} held, ` +
      `${total(withNoShow)} with a no-show. Only organizers get this chart.`,
    altText: limitAltText(
      `Bar chart of completed sessions per week in the community, the last ${weeks.length} weeks: ` +
        `${total(held)} held and ${total(withNoShow)} with a no-show in all. ${perWeek.join('; ')}.`,
    ),
    xLabels,
    held,
    withNoShow,
  };
}

function limitAltText(text: string): string {
  if (text.length <= ALT_TEXT_LIMIT) return text;
  const cut = text.slice(0, ALT_TEXT_LIMIT - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
