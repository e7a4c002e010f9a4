import type { SessionExportSummary } from '../../domain/export/session-export.ts';
import { escapeText } from './escape-text.ts';
import type { SlackMessage } from './help-message.ts';

/** The days an export covers, as its messages and file name say them (UTC, both included). */
export interface ExportDays {
  firstDay: string;
  lastDay: string;
}

export const NOT_AN_EXPORT_ORGANIZER =
  'Only organizers can export the community’s sessions: the workspace’s admins and owners, and members the organizers or the person who runs Mockingbird have named. Ask one of them.';

function message(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function daysOf(range: ExportDays): string {
  return range.firstDay === range.lastDay
    ? `on ${range.firstDay} (UTC)`
    : `from ${range.firstDay} to ${range.lastDay} (UTC)`;
}

/** A range Mockingbird could not read; the reason repeats what was typed, so it is escaped. */
export function exportRangeProblemMessage(reason: string): SlackMessage {
  return message(escapeText(reason));
}

/** The answer to the command, while the job builds the file. */
export function exportQueuedMessage(range: ExportDays): SlackMessage {
  return message(
    `Your export of sessions ${daysOf(range)} is on its way: Mockingbird will send the CSV to your DM with the app in a moment.`,
  );
}

export function exportFileName(range: ExportDays): string {
  return `mockingbird-sessions-${range.firstDay}-to-${range.lastDay}.csv`;
}

export function exportFileTitle(range: ExportDays): string {
  return `Mockingbird sessions ${range.firstDay} to ${range.lastDay}`;
}

/** The comment beside the file: the gist, and what the file holds and leaves out. */
export function exportSummaryText(range: ExportDays, summary: SessionExportSummary): string {
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    `${plural(summary.sessions, 'session', 'sessions')} ${daysOf(range)}: ${summary.completed} completed, ${plural(summary.noShows, 'no-show', 'no-shows')}, ${summary.cancelled} cancelled, ${summary.released} released unconfirmed, ${summary.open} still open; ${plural(summary.feedbackForms, 'feedback form', 'feedback forms')} written.`,
    'One row per session, members as Slack user ids, attendance for each side and how many feedback forms were submitted. No feedback text or notes.',
  ].join('\n');
}

export function emptyExportMessage(range: ExportDays): SlackMessage {
  return message(
    `No sessions started ${daysOf(range)}, so there is no file to send. A wider range may find some, e.g. \`/mock admin export last 90 days\`.`,
  );
}

/** When the job finds the person is no longer an organizer: the export is not sent. */
export function exportRefusedMessage(): SlackMessage {
  return message(`Your export was not sent. ${NOT_AN_EXPORT_ORGANIZER}`);
}
