import type { ChartConfiguration } from 'chart.js';
import type { TrendChart } from './chart-descriptions.ts';
import { GRID_COLOUR, LINE_COLOURS, LINE_DASHES, POINT_STYLES, TEXT_COLOUR } from './chart-palette.ts';

/** The member's trend as Chart.js draws it: one line per rubric dimension on the rubric's 1–4 scale. */
export function trendChartConfig(
  chart: TrendChart,
): ChartConfiguration<'line', Array<number | null>, string> {
  return {
    type: 'line',
    data: {
      labels: chart.xLabels,
      datasets: chart.series.map((series, index) => ({
        label: series.label,
        data: series.scores,
        borderColor: LINE_COLOURS[index % LINE_COLOURS.length],
        backgroundColor: LINE_COLOURS[index % LINE_COLOURS.length],
        borderDash: LINE_DASHES[index % LINE_DASHES.length],
        borderWidth: 2.5,
        pointStyle: POINT_STYLES[index % POINT_STYLES.length],
        pointRadius: 5,
        // A "not covered" session is a gap in the points; the line runs on to the next score.
        spanGaps: true,
        // A 4 or a 1 sits on the edge of the plot: let its point show whole.
        clip: false,
      })),
    },
    options: {
      plugins: {
        title: { display: true, text: chart.title, color: TEXT_COLOUR, font: { size: 16, weight: 'bold' } },
        legend: {
          position: 'bottom',
          // Each line's own point shape in the legend, at one size whatever the shape.
          labels: { color: TEXT_COLOUR, usePointStyle: true, boxHeight: 8, pointStyleWidth: 14 },
        },
      },
      scales: {
        x: {
          // Half a step of room at each end, so the first and last points do not sit on the axes.
          offset: true,
          title: { display: true, text: 'Session', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { color: GRID_COLOUR },
        },
        y: {
          min: 1,
          max: 4,
          title: { display: true, text: 'Score (1 weak, 4 strong)', color: TEXT_COLOUR },
          ticks: { stepSize: 1, color: TEXT_COLOUR },
          grid: { color: GRID_COLOUR },
        },
      },
    },
  };
}
