import type { KnownBlock } from '@slack/types';
import type { DimensionSummary, Trend } from '../../domain/feedback/dimension-trends.ts';
import type { PracticeStreak } from '../../domain/feedback/practice-streak.ts';
import type { DimensionGap } from '../../domain/feedback/self-rating-gap.ts';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import { clip } from './feedback-labels.ts';

/**
 * The member's progress on the Home tab, drawn with characters so it needs no image host: a bar
 * per rubric dimension (▰ filled, ▱ empty, two cells a point), the latest scores as a sparkline
 * and an arrow for the trend.
 */

export interface HomeProgress {
  streak: PracticeStreak;
  /** Per (type, dimension), with the rubric's label. */
  dimensions: Array<DimensionSummary & { label: string }>;
  gaps: Array<DimensionGap & { label: string }>;
  /** Feedback received (revealed) in all. */
  feedbackCount: number;
  /** The weakest dimension with enough ratings to say so, as a hint for the next session. */
  focus: { label: string; interviewType: string; average: number } | null;
}

const CELLS_PER_POINT = 2;
const MAX_SCORE = 4;
/** Types shown with their dimensions; more are summarised in one line. */
const MAX_TYPES = 3;
const MAX_GAPS = 5;

export function scoreBar(average: number): string {
  const cells = MAX_SCORE * CELLS_PER_POINT;
  const filled = Math.max(0, Math.min(cells, Math.round(average * CELLS_PER_POINT)));
  return `${'▰'.repeat(filled)}${'▱'.repeat(cells - filled)}`;
}

const SPARKS = ['▁', '▃', '▅', '█'];

/** Scores 1..4, oldest first, as one character each. */
export function sparkline(scores: readonly number[]): string {
  return scores.map((score) => SPARKS[Math.max(1, Math.min(4, Math.round(score))) - 1]).join('');
}

const TREND_MARKS: Record<Trend, string> = { up: '↗', down: '↘', steady: '→', new: '·' };

function signed(value: number): string {
  const rounded = value.toFixed(1);
  return value > 0 ? `+${rounded}` : rounded === '-0.0' ? '0.0' : rounded;
}

function dimensionLine(summary: DimensionSummary & { label: string }): string {
  const change =
    summary.trend === 'new' ? 'first rating' : `${TREND_MARKS[summary.trend]} ${signed(summary.change)}`;
  return `\`${scoreBar(summary.average)}\` *${summary.average.toFixed(1)}* ${summary.label} · ${change} · last ${sparkline(summary.recent)}`;
}

function streakText(streak: PracticeStreak): string {
  if (streak.sessions === 0) return 'No sessions yet. Your first one starts a weekly streak.';
  const current =
    streak.weeks === 0
      ? 'No streak right now: a session this week starts a new one.'
      : `:fire: *${streak.weeks}-week streak*${streak.practisedThisWeek ? '' : ' (practise this week to keep it)'}`;
  return `${current}\nLongest: ${streak.longest} week${streak.longest === 1 ? '' : 's'} · ${streak.sessions} session${streak.sessions === 1 ? '' : 's'} in all`;
}

/** The progress part of the Home tab: streak, then ratings per type and dimension, then the self-rating gap. */
export function progressBlocks(progress: HomeProgress): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Your progress' } },
    { type: 'section', text: { type: 'mrkdwn', text: streakText(progress.streak) } },
  ];
  if (progress.feedbackCount === 0) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Ratings from your partners appear here after your sessions: an average per rubric dimension and where it is heading.',
        },
      ],
    });
    return blocks;
  }
  if (progress.focus) {
    const { label, interviewType, average } = progress.focus;
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:dart: *Focus next:* ${label} in ${interviewTypeLabel(interviewType)} (average ${average.toFixed(1)}). Ask your next interviewer to probe it.`,
      },
    });
  }
  const types = [...new Set(progress.dimensions.map((summary) => summary.interviewType))];
  // Most-rated types first: that is where the averages mean most.
  const rated = (type: string) =>
    Math.max(...progress.dimensions.filter((each) => each.interviewType === type).map((each) => each.count));
  types.sort((a, b) => rated(b) - rated(a));
  for (const type of types.slice(0, MAX_TYPES)) {
    const lines = progress.dimensions.filter((summary) => summary.interviewType === type).map(dimensionLine);
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*${interviewTypeLabel(type)}* · rated ${rated(type)} time${rated(type) === 1 ? '' : 's'}\n${lines.join('\n')}`,
          3000,
        ),
      },
    });
  }
  if (types.length > MAX_TYPES) {
    const others = types.slice(MAX_TYPES).map((type) => `${interviewTypeLabel(type)} (${rated(type)})`);
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`Also rated in: ${others.join(', ')}`, 3000) }],
    });
  }

  const gaps = [...progress.gaps].sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap)).slice(0, MAX_GAPS);
  if (gaps.length > 0) {
    const lines = gaps.map(
      (gap) =>
        `${gap.label} (${interviewTypeLabel(gap.interviewType)}): you ${gap.selfAverage.toFixed(1)} · partners ${gap.partnerAverage.toFixed(1)} · gap *${signed(gap.gap)}*, lately ${signed(gap.recentGap)}`,
    );
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`*How you see yourself vs. how partners see you*\n${lines.join('\n')}`, 3000),
      },
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: '▰ bars: average of 4 · ↗ ↘ → the latest scores against the ones before · a positive gap means you rate yourself higher than partners do. Only you see this.',
      },
    ],
  });
  return blocks;
}
