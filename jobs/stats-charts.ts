import {
  describeActivityChart,
  describeTrendChart,
  type StatsChart,
} from '../src/charts/chart-descriptions.ts';
import { type JobPayload, jobIdFor } from '../src/queue/catalogue.ts';
import { checkOrganizer } from '../src/slack/organizers.ts';
import { classifySlackError, SlackPermanentError } from '../src/slack/outbound/slack-error-kind.ts';
import { recordSentMessage, wasSent } from '../src/store/sent-messages.ts';
import { findChartRecipient } from '../src/store/stats-charts.ts';
import { loadStatsChartData } from '../src/workflows/stats-chart-data.ts';
import type { JobContext } from './job-context.ts';

/**
 * The pictures beside `/mock stats`' text: the member's scores per rubric dimension (one chart per
 * interview type) and, for an organizer, the community's sessions per week, uploaded as PNGs to the
 * member's DM with alt text that says what each shows. Nothing to draw (no feedback yet, not an
 * organizer) sends nothing: the command's answer already said why.
 *
 * Organizer or not is asked here, fresh (users.info and the workspace's list), not in the command:
 * the listener stays one quick read, and the community's numbers go out only on a check made when
 * they are drawn. Each upload is keyed by the request and the chart, so a retry after a failed
 * second upload does not send the first again.
 */
export async function sendStatsCharts(
  payload: JobPayload<'stats-charts'>,
  context: JobContext,
): Promise<void> {
  const recipient = await findChartRecipient(context.db, payload.memberId);
  if (!recipient) return;
  const scoped = await context.inWorkspace(recipient.workspaceId);
  try {
    const organizer = await checkOrganizer(scoped.config, scoped.slack, recipient.slackUserId, {
      db: scoped.db,
      slackTeamId: recipient.slackTeamId,
    });
    const timeZone = recipient.timezone ?? organizer.timezone ?? 'UTC';
    const data = await loadStatsChartData(scoped.db, recipient, {
      now: scoped.now(),
      organizer: organizer.allowed,
      timeZone,
    });
    const charts: StatsChart[] = [
      ...data.trends.map((trend) => describeTrendChart(trend, timeZone)),
      ...(data.activity ? [describeActivityChart(data.activity, timeZone)] : []),
    ];
    if (charts.length === 0) return;

    // Loaded here, not at the top: Chart.js and Skia stay out of every process that never draws.
    const { chartFontsInstalled, renderChartPng } = await import('../src/charts/render-chart.ts');
    if (!chartFontsInstalled()) {
      scoped.logger.warn(
        'no fonts installed: charts go out without titles or labels (install fonts-dejavu-core)',
      );
    }
    const channel = await scoped.outbound.openConversation([recipient.slackUserId]);
    const request = jobIdFor('stats-charts', payload);
    for (const chart of charts) {
      const key = `${request}-${chart.key}`;
      if (await wasSent(scoped.db, key)) continue;
      await scoped.outbound.uploadFile({
        channel,
        filename: chart.filename,
        title: chart.title,
        content: await renderChartPng(chart),
        initialComment: chart.comment,
        altText: chart.altText,
      });
      await recordSentMessage(scoped.db, { key, channelId: channel, ts: null });
    }
  } catch (error) {
    // A member Slack no longer knows (deactivated, left) needs no charts; retrying fails the same way.
    const kind = classifySlackError(error);
    const code =
      error instanceof SlackPermanentError ? error.code : kind.kind === 'permanent' ? kind.code : null;
    if (code === null) throw error;
    context.logger.info({ memberId: payload.memberId, code }, 'stats charts cannot be delivered; skipped');
  }
}
