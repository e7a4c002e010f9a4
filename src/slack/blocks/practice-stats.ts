import type { PracticeStreak } from '../../domain/feedback/practice-streak.ts';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import type { SlackMessage } from './help-message.ts';

export interface PracticeStats {
  streak: PracticeStreak;
  /** Sessions attended, per interview type slug. */
  byType: ReadonlyMap<string, number>;
  /** Sessions the member was reported absent from. */
  missed: number;
  /** Whether charts of the member's feedback are coming to their DM, or wait for a first feedback. */
  feedbackCharts: 'on-the-way' | 'after-first-feedback';
}

const CHARTS_LINE = {
  'on-the-way': 'Charts of them are on their way to your DM with Mockingbird.',
  'after-first-feedback': 'No charts yet: they start with the first feedback a partner gives you.',
} as const;

/**
 * The numbers behind a member's practice: sessions, weekly streak, types; trends live in App Home,
 * and as pictures in the DM (jobs/stats-charts.ts). The text stands on its own: a screen reader needs
 * nothing else, and each picture carries its own alt text.
 */
export function practiceStatsMessage({
  streak,
  byType,
  missed,
  feedbackCharts,
}: PracticeStats): SlackMessage {
  if (streak.sessions === 0) {
    const text =
      'No sessions yet. `/mock` finds you a partner; your numbers, and charts of your feedback, start with the first one.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const types = [...byType]
    .sort((a, b) => b[1] - a[1])
    .map(([slug, count]) => `${interviewTypeLabel(slug)} ${count}`)
    .join(' · ');
  const weeks = (n: number) => `${n} week${n === 1 ? '' : 's'}`;
  const lines = [
    `*Sessions:* ${streak.sessions}${missed > 0 ? ` (plus ${missed} you were reported absent from)` : ''}`,
    `*Weekly streak:* ${weeks(streak.weeks)}${streak.practisedThisWeek ? ', this week included' : ''} · longest ${weeks(streak.longest)}`,
    `*By type:* ${types}`,
  ];
  return {
    text: `You have practised ${streak.sessions} sessions; weekly streak ${weeks(streak.weeks)}.`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Only you see this. Feedback trends per rubric dimension are on the Home tab. ${CHARTS_LINE[feedbackCharts]}`,
          },
        ],
      },
    ],
  };
}
