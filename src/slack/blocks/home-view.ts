import type { HomeView, KnownBlock } from '@slack/types';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import { LEVELS, type Level } from '../../domain/matching/types.ts';
import type { FeedbackAboutMember, MemberSession } from '../../store/member-history.ts';
import { escapeText } from './escape-text.ts';
import { clip, FEEDBACK_ACTIONS, HIRE_SIGNAL_LABELS } from './feedback-labels.ts';
import { communityBlocks, type HomeCommunity } from './home-community.ts';
import { type HomeProgress, progressBlocks } from './home-progress.ts';
import { LEVEL_LABELS } from './labels.ts';
import { describeRequest, type RequestSummary } from './request-summary.ts';
import { slackDate } from './slack-date.ts';

/** Action ids of the Home tab's own buttons, shared with their listeners. */
export const HOME_ACTIONS = {
  findPartner: 'home-find-partner',
  editProfile: 'home-edit-profile',
} as const;

/**
 * How much of each list the tab shows. Slack allows 100 blocks in a view; with these caps the tab
 * stays under about 50 however long a member's history, and the rest is summarised in counts.
 */
export const HOME_LIMITS = { upcoming: 5, feedbackToGive: 5, past: 5, recentFeedback: 3 } as const;

export interface FeedbackToGive {
  sessionId: string;
  interviewType: string;
  partnerSlackUserId: string | null;
  startsAt: number;
  /** Already sent and still editable (the button edits), or not sent yet. */
  sent: boolean;
  closesAt: number;
}

export interface HomeViewInput {
  profile: {
    timezone: string | null;
    followsSlack: boolean;
    level: string | null;
    meetingLink: string | null;
    pausedAt: Date | null;
    snoozedUntil: Date | null;
  };
  openRequest: RequestSummary | null;
  upcoming: { sessions: MemberSession[]; total: number };
  feedbackToGive: FeedbackToGive[];
  past: { sessions: MemberSession[]; total: number; byType: Record<string, number> };
  progress: HomeProgress;
  recentFeedback: FeedbackAboutMember[];
  community: HomeCommunity | null;
  now: number;
}

const WHEN = '{date_short_pretty} at {time}';

function mrkdwn(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, 3000) }] };
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, 150) } };
}

function levelLabel(level: string | null): string {
  return level && (LEVELS as readonly string[]).includes(level) ? LEVEL_LABELS[level as Level] : 'not set';
}

function partnerOf(session: { partnerSlackUserId: string | null }): string {
  return session.partnerSlackUserId ? `<@${session.partnerSlackUserId}>` : 'a partner who has left';
}

function profileBlocks(input: HomeViewInput): KnownBlock[] {
  const { profile } = input;
  const zone = profile.timezone
    ? `${profile.timezone.replaceAll('_', ' ')}${profile.followsSlack ? ' (from Slack)' : ''}`
    : 'not known: times are read as UTC';
  const paused =
    profile.snoozedUntil && profile.snoozedUntil.getTime() > input.now
      ? `Snoozed until ${slackDate(profile.snoozedUntil, '{date_short_pretty}')}`
      : profile.pausedAt
        ? 'Paused (`/mock resume` to be matched again)'
        : 'Active';
  return [
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Timezone*\n${escapeText(zone)}` },
        { type: 'mrkdwn', text: `*Level*\n${levelLabel(profile.level)}` },
        {
          type: 'mrkdwn',
          text: `*Meeting link*\n${profile.meetingLink ? escapeText(clip(profile.meetingLink, 300)) : 'none: sessions use a Slack huddle'}`,
        },
        { type: 'mrkdwn', text: `*Matching*\n${paused}` },
      ],
      accessory: {
        type: 'button',
        action_id: HOME_ACTIONS.editProfile,
        text: { type: 'plain_text', text: 'Edit profile' },
      },
    },
  ];
}

function requestBlocks(input: HomeViewInput): KnownBlock[] {
  if (!input.openRequest) return [context('No open request. *Find a partner* asks for one.')];
  return [
    mrkdwn(`*Your open request*\n${describeRequest(input.openRequest)}`),
    context(`Open until ${slackDate(input.openRequest.expiresAt, WHEN)}. \`/mock cancel\` withdraws it.`),
  ];
}

function upcomingBlocks(input: HomeViewInput): KnownBlock[] {
  const { sessions, total } = input.upcoming;
  if (total === 0) return [];
  const blocks: KnownBlock[] = [header('Upcoming sessions')];
  for (const session of sessions.slice(0, HOME_LIMITS.upcoming)) {
    const state = session.status === 'CONFIRMED' ? 'confirmed' : 'time not agreed yet: see your group DM';
    blocks.push(
      mrkdwn(
        `*${interviewTypeLabel(session.interviewType)}* with ${partnerOf(session)}\n${slackDate(new Date(session.startsAt), WHEN)} · ${session.durationMinutes} min · ${state}`,
      ),
    );
  }
  if (total > HOME_LIMITS.upcoming) blocks.push(context(`And ${total - HOME_LIMITS.upcoming} more.`));
  return blocks;
}

function feedbackToGiveBlocks(input: HomeViewInput): KnownBlock[] {
  if (input.feedbackToGive.length === 0) return [];
  const blocks: KnownBlock[] = [header('Feedback to give')];
  for (const item of input.feedbackToGive.slice(0, HOME_LIMITS.feedbackToGive)) {
    const state = item.sent
      ? `sent; you can change it until ${slackDate(new Date(item.closesAt), WHEN)}`
      : `due by ${slackDate(new Date(item.closesAt), WHEN)}`;
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${interviewTypeLabel(item.interviewType)}* with ${partnerOf(item)}, ${slackDate(new Date(item.startsAt), '{date_short_pretty}')} · ${state}`,
      },
      accessory: {
        type: 'button',
        action_id: FEEDBACK_ACTIONS.open,
        text: { type: 'plain_text', text: item.sent ? 'Edit feedback' : 'Give feedback' },
        value: item.sessionId,
        ...(item.sent ? {} : { style: 'primary' as const }),
      },
    });
  }
  const more = input.feedbackToGive.length - HOME_LIMITS.feedbackToGive;
  if (more > 0) blocks.push(context(`And ${more} more: the *Give feedback* buttons in your DMs work too.`));
  return blocks;
}

function recentFeedbackBlocks(input: HomeViewInput): KnownBlock[] {
  if (input.recentFeedback.length === 0) return [];
  const blocks: KnownBlock[] = [header('Latest feedback for you')];
  for (const feedback of input.recentFeedback.slice(0, HOME_LIMITS.recentFeedback)) {
    blocks.push(
      mrkdwn(
        [
          `*${interviewTypeLabel(feedback.interviewType)}*, ${slackDate(new Date(feedback.at), '{date_short_pretty}')} · overall *${HIRE_SIGNAL_LABELS[feedback.hireSignal]}*`,
          `Strengths: ${escapeText(clip(feedback.strengths.replaceAll('\n', ' '), 280))}`,
          `To improve: ${escapeText(clip(feedback.improvement.replaceAll('\n', ' '), 280))}`,
        ].join('\n'),
      ),
    );
  }
  if (input.progress.feedbackCount > HOME_LIMITS.recentFeedback) {
    blocks.push(
      context(`${input.progress.feedbackCount} pieces of feedback in all; each came to you as a DM.`),
    );
  }
  return blocks;
}

function pastBlocks(input: HomeViewInput): KnownBlock[] {
  const { sessions, total, byType } = input.past;
  if (total === 0) return [];
  const lines = sessions.slice(0, HOME_LIMITS.past).map((session) => {
    const note = session.missed
      ? ' · you were reported absent'
      : session.partnerMissed
        ? ' · partner did not show'
        : '';
    return `${slackDate(new Date(session.startsAt), '{date_short}')} · *${interviewTypeLabel(session.interviewType)}* with ${partnerOf(session)}${note}`;
  });
  const types = Object.entries(byType)
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => `${interviewTypeLabel(type)} ${count}`)
    .join(', ');
  const blocks: KnownBlock[] = [header('Past sessions'), mrkdwn(lines.join('\n'))];
  if (total > HOME_LIMITS.past) blocks.push(context(`${total} sessions in all: ${types}.`));
  return blocks;
}

/**
 * The member's Home tab: profile and open request, what is coming up, feedback to give, progress
 * from the feedback received, recent feedback, past sessions, and for organizers the community.
 * Every list is capped (HOME_LIMITS) so a long history never breaks Slack's limits.
 */
export function homeView(input: HomeViewInput): HomeView {
  const divider: KnownBlock = { type: 'divider' };
  const blocks: KnownBlock[] = [
    header('Mockingbird'),
    context('Peer mock interviews: find a partner, practise, and see how your feedback moves.'),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: HOME_ACTIONS.findPartner,
          style: 'primary',
          text: { type: 'plain_text', text: 'Find a partner' },
        },
        {
          type: 'button',
          action_id: HOME_ACTIONS.editProfile,
          text: { type: 'plain_text', text: 'Edit profile' },
        },
      ],
    },
    divider,
    ...profileBlocks(input),
    ...requestBlocks(input),
  ];
  for (const part of [
    upcomingBlocks(input),
    feedbackToGiveBlocks(input),
    progressBlocks(input.progress),
    recentFeedbackBlocks(input),
    pastBlocks(input),
    input.community ? communityBlocks(input.community) : [],
  ]) {
    if (part.length > 0) blocks.push(divider, ...part);
  }
  return { type: 'home', blocks };
}
