import type { KnownBlock } from '@slack/types';
import { formatAvailability } from '../../domain/availability/format-window.ts';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import { LEVEL_LABELS } from '../../domain/level-words.ts';
import type { WeeklyRequest } from '../../domain/weekly-opt-in.ts';
import type { SlackMessage } from './help-message.ts';

/** The button on the weekly DM; its value is the week it skips. */
export const WEEKLY_ACTIONS = { skip: 'weekly-skip' } as const;

const ROLE_WORDS = {
  INTERVIEWER: 'as interviewer',
  INTERVIEWEE: 'as interviewee',
  BOTH: 'both roles (swap)',
} as const;

export function describeWeekly(request: WeeklyRequest, timezone: string): string {
  const types = request.interviewTypes.map((slug) => interviewTypeLabel(slug)).join(', ');
  return `*${types}* · ${LEVEL_LABELS[request.level]} · ${ROLE_WORDS[request.role]} · ${request.durationMinutes} min, ${formatAvailability(request.availability).join('; ')} (${timezone})`;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** `/mock weekly …` answers. */
export function weeklySetMessage(
  request: WeeklyRequest,
  timezone: string,
  enteredNow: boolean,
): SlackMessage {
  const text = `:repeat: Every week I will put you in the pool for ${describeWeekly(request, timezone)}.${enteredNow ? ' You are in for this week already.' : ''} \`/mock weekly skip\` skips a week, \`/mock weekly off\` stops it, and \`/mock pause\` pauses everything.`;
  return { text, blocks: [section(text)] };
}

export function weeklyStatusMessage(request: WeeklyRequest | null, timezone: string): SlackMessage {
  const text = request
    ? `:repeat: You are paired every week: ${describeWeekly(request, timezone)}. \`/mock weekly off\` stops it; \`/mock weekly skip\` skips this week.`
    : 'You are not paired every week. Start with `/mock weekly <type> [level] [role] [length] [when]`, e.g. `/mock weekly execution senior weekdays 18-21` (or set “Usually free” in `/mock profile` and leave the time out).';
  return { text, blocks: [section(text)] };
}

export function weeklyPlainMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

/** The DM each week: in the pool, with one click to skip this week. */
export function weeklyEnteredMessage(request: WeeklyRequest, timezone: string, week: string): SlackMessage {
  const text = `:repeat: This week's practice: you are in the pool for ${describeWeekly(request, timezone)}. I will DM you when you are matched.`;
  return {
    text: 'This week’s practice: you are in the pool.',
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: WEEKLY_ACTIONS.skip,
            text: { type: 'plain_text', text: 'Skip this week' },
            value: week,
          },
        ],
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: '`/mock weekly off` stops these; `/mock pause` pauses all matching.' },
        ],
      },
    ],
  };
}
