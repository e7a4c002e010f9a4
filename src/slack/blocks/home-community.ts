import type { KnownBlock } from '@slack/types';
import type { CommunitySummary } from '../../domain/feedback/community-summary.ts';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import { escapeText } from './escape-text.ts';
import { clip, quote } from './feedback-labels.ts';
import { slackDate } from './slack-date.ts';

/**
 * The organizers' part of the Home tab: how the community practises, from counts and averages.
 * Nothing in it names a member; notes to organizers are shown without their authors.
 */

export interface HomeCommunity {
  summary: CommunitySummary;
  /** The community's weakest rubric dimensions over the last 30 days. */
  weakest: Array<{ label: string; interviewType: string; average: number; count: number }>;
  notes: Array<{ interviewType: string; at: number; text: string }>;
}

function percent(rate: number | null, part: number, whole: number): string {
  return rate === null ? 'no data yet' : `${Math.round(rate * 100)}% (${part} of ${whole})`;
}

export function communityBlocks(community: HomeCommunity): KnownBlock[] {
  const { summary } = community;
  const field = (title: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${title}*\n${value}` });
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Community (organizers only)' } },
    {
      type: 'section',
      fields: [
        field('Members', `${summary.members} (${summary.activeMembers} practised in 30 days)`),
        field('Sessions this week', String(summary.sessionsThisWeek)),
        field(
          'Match rate, 7 days',
          percent(summary.matchRate, summary.requestsMatched, summary.requestsClosed),
        ),
        field('No-show rate, 30 days', percent(summary.noShowRate, summary.noShows, summary.attendances)),
        field('Daily questions, 7 days', `${summary.dailyQuestionsPosted} posted`),
        field(
          'Feedback, 30 days',
          `${summary.feedbackGiven} given · hire signal yes ${percent(summary.hireRate, (summary.hireSignals.YES ?? 0) + (summary.hireSignals.STRONG_YES ?? 0), summary.feedbackGiven)}`,
        ),
      ],
    },
  ];
  if (community.weakest.length > 0) {
    const lines = community.weakest.map(
      (each) =>
        `${each.label} (${interviewTypeLabel(each.interviewType)}): ${each.average.toFixed(1)} over ${each.count} rating${each.count === 1 ? '' : 's'}`,
    );
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`*Where the community is weakest (30 days)*\n${lines.join('\n')}`, 3000),
      },
    });
  }
  if (community.notes.length > 0) {
    const notes = community.notes.map(
      (note) =>
        `${interviewTypeLabel(note.interviewType)}, ${slackDate(new Date(note.at), '{date_short}')}:\n${quote(escapeText(clip(note.text, 400)), 600)}`,
    );
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*Notes to organizers (${summary.notesToOrganizers} in 30 days, latest shown)*\n${notes.join('\n')}`,
          3000,
        ),
      },
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Aggregated across the workspace. Who wrote or received a piece of feedback is never shown here.',
      },
    ],
  });
  return blocks;
}
