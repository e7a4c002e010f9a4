import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';
import { activityChartConfig } from './activity-chart-config.ts';
import type { StatsChart } from './chart-descriptions.ts';
import { trendChartConfig } from './trend-chart-config.ts';

/**
 * Draws a `/mock stats` chart as a PNG, on the server: Chart.js on @napi-rs/canvas (Skia, prebuilt,
 * no native build). Only the worker that renders loads this module, and only when it renders
 * (jobs/stats-charts.ts imports it dynamically): the web role never pays for Chart.js or Skia.
 *
 * Text needs a font on the machine: @napi-rs/canvas reads the system's fonts (/usr/share/fonts)
 * when it loads. Without any, the chart draws its lines but no title, labels or legend; the job
 * logs that once per render (chartFontsInstalled), and the Dockerfile installs fonts-dejavu-core.
 */

Chart.register(...registerables);
// DejaVu Sans is Debian's default and covers every character a rubric label may hold.
Chart.defaults.font.family = "'DejaVu Sans', sans-serif";
Chart.defaults.font.size = 13;

/** Small enough to sit in a DM without scrolling, drawn at twice the size for sharp text on HiDPI screens. */
export const CHART_SIZE = { width: 720, height: 360, scale: 2 };

/** Slack shows a transparent PNG on a dark theme's background: paint white first so text stays dark on light. */
const whiteBackground: Plugin = {
  id: 'white-background',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export async function renderChartPng(chart: StatsChart): Promise<Buffer> {
  const config: ChartConfiguration =
    chart.kind === 'trend'
      ? (trendChartConfig(chart) as ChartConfiguration)
      : (activityChartConfig(chart) as ChartConfiguration);
  // Chart.js takes the canvas's size as the chart's and grows the canvas by devicePixelRatio.
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const drawn = new Chart(canvas.getContext('2d') as never, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: CHART_SIZE.scale },
    plugins: [...(config.plugins ?? []), whiteBackground],
  });
  try {
    return await canvas.encode('png');
  } finally {
    drawn.destroy();
  }
}

/** Whether any font is installed for the chart's text (see the module comment). */
export function chartFontsInstalled(): boolean {
  return GlobalFonts.families.length > 0;
}
