import type { ChartConfiguration } from 'chart.js';
import type { ActivityChart } from './chart-descriptions.ts';
import { BAR_COLOURS, GRID_COLOUR, TEXT_COLOUR } from './chart-palette.ts';

/** The community's weeks as stacked bars: sessions held, and on top those someone missed. */
export function activityChartConfig(chart: ActivityChart): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: chart.xLabels,
      datasets: [
        { label: 'Held', data: chart.held, backgroundColor: BAR_COLOURS.held },
        {
          label: 'Someone was absent',
          data: chart.withNoShow,
          backgroundColor: BAR_COLOURS.withNoShow,
          // A border sets the two apart for a reader who cannot tell the colours apart either.
          borderColor: '#000000',
          borderWidth: 1,
        },
      ],
    },
    options: {
      plugins: {
        title: { display: true, text: chart.title, color: TEXT_COLOUR, font: { size: 16, weight: 'bold' } },
        legend: { position: 'bottom', labels: { color: TEXT_COLOUR } },
      },
      scales: {
        x: {
          stacked: true,
          title: { display: true, text: 'Week starting', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { display: false },
        },
        y: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Completed sessions', color: TEXT_COLOUR },
          // Sessions come whole: no 0.5 ticks on a quiet chart.
          ticks: { precision: 0, color: TEXT_COLOUR },
          grid: { color: GRID_COLOUR },
        },
      },
    },
  };
}
