import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import {
  describeActivityChart,
  describeTrendChart,
  type TrendInput,
} from '../../../src/charts/chart-descriptions.ts';
import { CHART_SIZE, renderChartPng } from '../../../src/charts/render-chart.ts';

const DAY = 24 * 3600 * 1000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function trend(scores: Array<number | null>): TrendInput {
  return {
    typeLabel: 'Execution',
    history: {
      interviewType: 'execution',
      sessions: scores.map((_, index) => Date.UTC(2026, 10, 2) + index * 7 * DAY),
      dimensions: [
        { dimension: 'metrics', scores },
        { dimension: 'prioritisation', scores: scores.map((score) => (score === null ? 2 : 5 - score)) },
      ],
    },
    dimensionLabels: { metrics: 'Metrics', prioritisation: 'Prioritisation' },
  };
}

async function expectPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const image = await loadImage(png);
  expect([image.width, image.height]).toEqual([
    CHART_SIZE.width * CHART_SIZE.scale,
    CHART_SIZE.height * CHART_SIZE.scale,
  ]);
}

describe('renderChartPng', () => {
  it('draws a member trend as a PNG of the chart size, different for different scores', async () => {
    const rising = await renderChartPng(describeTrendChart(trend([1, 2, null, 3, 4]), 'UTC'));
    const falling = await renderChartPng(describeTrendChart(trend([4, 3, null, 2, 1]), 'UTC'));
    await expectPng(rising);
    await expectPng(falling);
    expect(rising.equals(falling)).toBe(false);
  });

  it('draws the weekly activity as a PNG, different for different weeks', async () => {
    const weeks = (held: number[]) =>
      held.map((count, index) => ({
        weekStart: Date.UTC(2026, 9, 5) + index * 7 * DAY,
        held: count,
        withNoShow: 1,
      }));
    const busy = await renderChartPng(describeActivityChart(weeks([5, 6, 7, 8]), 'UTC'));
    const quiet = await renderChartPng(describeActivityChart(weeks([0, 1, 0, 1]), 'UTC'));
    await expectPng(busy);
    await expectPng(quiet);
    expect(busy.equals(quiet)).toBe(false);
  });

  it('paints a white background, so a dark Slack theme does not swallow the text', async () => {
    const png = await renderChartPng(describeTrendChart(trend([2, 3]), 'UTC'));
    const { createCanvas } = await import('@napi-rs/canvas');
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    expect([...context.getImageData(1, 1, 1, 1).data]).toEqual([255, 255, 255, 255]);
  });
});
