import { describe, expect, it } from 'vitest';
import {
  ALT_TEXT_LIMIT,
  describeActivityChart,
  describeTrendChart,
} from '../../../src/charts/chart-descriptions.ts';

const DAY = 24 * 3600 * 1000;
const start = Date.UTC(2026, 10, 2, 18);

describe('describeTrendChart', () => {
  it('says in words every score the picture shows, with each line’s direction', () => {
    const chart = describeTrendChart(
      {
        typeLabel: 'Execution',
        history: {
          interviewType: 'execution',
          sessions: [0, 1, 2, 3].map((week) => start + week * 7 * DAY),
          dimensions: [
            { dimension: 'metrics', scores: [1, 2, 3, 4] },
            { dimension: 'prioritisation', scores: [3, null, 3, 3] },
          ],
        },
        dimensionLabels: { metrics: 'Metrics' },
      },
      'Europe/London',
    );
    expect(chart.altText).toBe(
      'Line chart of your Execution feedback, your last 4 sessions with feedback, from 2 Nov to 23 Nov; ' +
        'scores from 1 (weak) to 4 (strong). Metrics: 1, 2, 3, 4 (rising). ' +
        'prioritisation: 3, not covered, 3, 3 (steady).',
    );
    expect(chart.xLabels).toEqual(['2 Nov', '9 Nov', '16 Nov', '23 Nov']);
    expect(chart.filename).toBe('feedback-trend-execution.png');
    expect(chart.comment).toBe(
      'Your Execution scores per rubric dimension, over your last 4 sessions with feedback: ' +
        'Metrics rising, prioritisation steady.',
    );
  });

  it('one session: no direction to tell, and the day it was', () => {
    const chart = describeTrendChart(
      {
        typeLabel: 'Strategy',
        history: {
          interviewType: 'strategy',
          sessions: [start],
          dimensions: [{ dimension: 'market', scores: [2] }],
        },
        dimensionLabels: { market: 'Market' },
      },
      'UTC',
    );
    expect(chart.altText).toContain('your one session with feedback, on 2 Nov;');
    expect(chart.altText).toContain('Market: 2.');
    expect(chart.comment).toBe(
      'Your Strategy scores per rubric dimension, over your one session with feedback.',
    );
  });

  it('cuts a long alt text at a word, within Slack’s limit', () => {
    const chart = describeTrendChart(
      {
        typeLabel: 'Technical',
        history: {
          interviewType: 'technical',
          sessions: Array.from({ length: 12 }, (_, index) => start + index * DAY),
          dimensions: Array.from({ length: 7 }, (_, index) => ({
            dimension: `dimension-${index}`,
            scores: [1, null, 2, null, 3, null, 4, null, 1, null, 2, null],
          })),
        },
        // Rubric labels run to 40 characters (RUBRIC_LIMITS.label).
        dimensionLabels: Object.fromEntries(
          Array.from({ length: 7 }, (_, index) => [
            `dimension-${index}`,
            `${index} ${'long label '.repeat(4)}`.trim(),
          ]),
        ),
      },
      'UTC',
    );
    expect(chart.altText.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
    expect(chart.altText.endsWith('…')).toBe(true);
  });
});

describe('describeActivityChart', () => {
  it('names each week, this one last, with the totals first', () => {
    const chart = describeActivityChart(
      [
        { weekStart: Date.UTC(2026, 10, 16), held: 3, withNoShow: 1 },
        { weekStart: Date.UTC(2026, 10, 23), held: 0, withNoShow: 0 },
        { weekStart: Date.UTC(2026, 10, 30), held: 2, withNoShow: 0 },
      ],
      'UTC',
    );
    expect(chart.xLabels).toEqual(['16 Nov', '23 Nov', 'This week']);
    expect(chart.comment).toBe(
      'Sessions per week in the community over the last 3 weeks: 5 held, 1 with a no-show. Only organizers get this chart.',
    );
    expect(chart.altText).toBe(
      'Bar chart of completed sessions per week in the community, the last 3 weeks: 5 held and 1 with a no-show in all. ' +
        'week of 16 Nov: 3 held, 1 with a no-show; week of 23 Nov: 0 held, 0 with a no-show; this week: 2 held, 0 with a no-show.',
    );
  });
});
