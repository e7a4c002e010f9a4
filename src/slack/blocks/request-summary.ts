import type { Availability } from '../../domain/availability/availability-schema.ts';
import { formatAvailability } from '../../domain/availability/format-window.ts';
import { BUILT_IN_INTERVIEW_TYPES } from '../../domain/interview-types.ts';
import type { Level, Role } from '../../domain/matching/types.ts';
import type { SlackMessage } from './help-message.ts';
import { LEVEL_LABELS } from './labels.ts';

const ROLE_WORDS: Record<Role, string> = {
  INTERVIEWER: 'as interviewer',
  INTERVIEWEE: 'as interviewee',
  BOTH: 'both roles (swap)',
};

export interface RequestSummary {
  interviewTypes: string[];
  level: Level;
  role: Role;
  durationMinutes: number;
  availability: Availability;
  timezone: string;
  expiresAt: Date;
}

export function describeRequest(request: RequestSummary): string {
  const types = request.interviewTypes
    .map((slug) => BUILT_IN_INTERVIEW_TYPES.find((type) => type.slug === slug)?.label ?? slug)
    .join(', ');
  return [
    `*${types}* · ${LEVEL_LABELS[request.level]} · ${ROLE_WORDS[request.role]} · ${request.durationMinutes} min`,
    `Free: ${formatAvailability(request.availability).join('; ')} (${request.timezone})`,
  ].join('\n');
}

/** The answer to a new or refined request: what we heard, and what happens next. */
export function requestSummaryMessage(
  request: RequestSummary & { updated: boolean; timezoneKnown: boolean },
): SlackMessage {
  const opening = request.updated ? 'Your open request is updated.' : 'You are in the pool.';
  const lines = [
    `${opening} I will open a group DM with your partner as soon as I find one.`,
    describeRequest(request),
  ];
  if (!request.timezoneKnown)
    lines.push(
      '_Your Slack profile has no timezone I can use, so times are read as UTC. Set yours with `/mock profile`._',
    );
  lines.push('`/mock status` shows it, `/mock cancel` withdraws it.');
  return {
    text: `${opening} ${describeRequest(request)}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }],
  };
}
