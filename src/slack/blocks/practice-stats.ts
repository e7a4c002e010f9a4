import type { PracticeStreak } from '../../domain/feedback/practice-streak.ts';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import type { SlackMessage } from './help-message.ts';

export interface PracticeStats {
  streak: PracticeStreak;
  /** Sessions attended, per interview type slug. */
  byType: ReadonlyMap<string, number>;
  /** Sessions the member was reported absent from. */
  missed: number;
}

/** The numbers behind a member's practice: sessions, weekly streak, types; trends live in App Home. */
export function practiceStatsMessage({ streak, byType, missed }: PracticeStats): SlackMessage {
  if (streak.sessions === 0) {
    const text = 'No sessions yet. `/mock` finds you a partner; your numbers start with the first one.';
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
            text: 'Only you see this. Feedback trends per rubric dimension are on the Home tab.',
          },
        ],
      },
    ],
  };
}
