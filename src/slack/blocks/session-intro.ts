import type { KnownBlock } from '@slack/types';
import { interviewRounds } from '../../domain/scheduling/interview-rounds.ts';
import type { SessionRecord } from '../../store/sessions.ts';
import { escapeText } from './escape-text.ts';
import { clip } from './feedback-labels.ts';
import type { SlackMessage } from './help-message.ts';
import { withArticle } from './indefinite-article.ts';
import { NO_SHOW_CONFIRM, SESSION_ACTIONS, slotValue } from './session-actions.ts';
import { SESSION_BRIEF } from './session-brief.ts';
import { slackDate } from './slack-date.ts';
import { slackLink } from './slack-link.ts';

const WHEN = '{date_long_pretty} at {time}';
/** Two notes and their mentions fit one section (3,000 characters). */
const NOTE_MAX = 1_400;

export function pairOf(session: SessionRecord): { first: string; second: string } {
  const [first, second] = session.participants;
  return { first: first?.slackUserId ?? '', second: second?.slackUserId ?? '' };
}

/**
 * Who asks whom, as the pair's roles allow: a swap (the first interviewer asks, then they change
 * places) or one round (an interviewer-only member asks an interviewee-only one).
 */
export function sessionOrder(
  session: SessionRecord,
): { swap: boolean; interviewer: string; interviewee: string } | null {
  const rounds = interviewRounds(session.participants);
  const [first] = rounds;
  if (!first) return null;
  return {
    swap: rounds.length === 2,
    interviewer: first.interviewer.slackUserId,
    interviewee: first.interviewee.slackUserId,
  };
}

/** The intro's field: "Interviews first: <@A>, then you swap", or "One round: <@A> interviews <@B>". */
function describeRounds(session: SessionRecord): { title: string; text: string } {
  const order = sessionOrder(session);
  if (!order) return { title: 'Interviews first', text: 'Agree between you who asks first.' };
  if (order.swap) return { title: 'Interviews first', text: `<@${order.interviewer}>, then you swap` };
  return { title: 'One round', text: `<@${order.interviewer}> interviews <@${order.interviewee}>` };
}

function header(session: SessionRecord, typeLabel: string): KnownBlock[] {
  const { first, second } = pairOf(session);
  if (!first || !second) {
    // A member erased their data: nothing may render an empty mention in their place.
    const stayed = first || second;
    return [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:wave: ${stayed ? `<@${stayed}>, this` : 'This'} was your *${typeLabel}* mock interview (${session.durationMinutes} min).`,
        },
      },
    ];
  }
  const rounds = describeRounds(session);
  // Escaping can grow a note fivefold (&amp;): each is clipped so the section stays within Slack's 3,000.
  const notes = session.participants
    .filter((p) => p.note?.trim())
    .map((p) => `<@${p.slackUserId}>: ${clip(escapeText(p.note!.trim()), NOTE_MAX)}`);
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:wave: <@${first}> and <@${second}>, you are matched for ${withArticle(`*${typeLabel}*`)} mock interview (${session.durationMinutes} min).`,
      },
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${rounds.title}*\n${rounds.text}` },
        { type: 'mrkdwn', text: `*Why you two*\n${escapeText(session.reason)}` },
      ],
    },
    ...(notes.length > 0
      ? [
          {
            type: 'section' as const,
            text: { type: 'mrkdwn' as const, text: `*Notes for each other*\n${notes.join('\n')}` },
          },
        ]
      : []),
  ];
}

/**
 * The group-DM intro while a time is being agreed: each offered time (in every reader's own
 * timezone) with a button, and who has confirmed the current proposal.
 */
export function sessionProposalMessage(session: SessionRecord, typeLabel: string, now: number): SlackMessage {
  const confirmed = session.participants.filter((p) => p.confirmedAt).map((p) => `<@${p.slackUserId}>`);
  const waiting = session.participants.filter((p) => !p.confirmedAt).map((p) => `<@${p.slackUserId}>`);
  const status =
    confirmed.length === 0
      ? 'Press *Confirm* if the proposed time works for you, or pick another; once you both have, it is on.'
      : `${confirmed.join(' and ')} confirmed ${slackDate(new Date(session.startsAt), WHEN)}. ${waiting.join(' and ')}, does it work for you?`;
  const slots = [session.startsAt, ...session.proposedSlots.filter((slot) => slot !== session.startsAt)]
    .filter((slot) => slot > now)
    .slice(0, 4);
  const slotBlocks: KnownBlock[] = slots.map((slot) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `${slot === session.startsAt ? '*Proposed:* ' : 'Or: '}${slackDate(new Date(slot), WHEN)}`,
    },
    accessory: {
      type: 'button',
      action_id: SESSION_ACTIONS.pickSlot,
      text: { type: 'plain_text', text: slot === session.startsAt ? 'Confirm' : 'Pick this time' },
      value: slotValue(session, slot),
      ...(slot === session.startsAt ? { style: 'primary' as const } : {}),
    },
  }));
  return {
    text: `You are matched for ${withArticle(typeLabel)} mock interview. Proposed: ${slackDate(new Date(session.startsAt), WHEN)}.`,
    blocks: [
      ...header(session, typeLabel),
      { type: 'section', text: { type: 'mrkdwn', text: status } },
      ...slotBlocks,
      {
        type: 'actions',
        elements: [cancelButton(session)],
      },
    ],
  };
}

/** The intro once the time is agreed (or for a "now" pair, from the start). */
export function sessionConfirmedMessage(session: SessionRecord, typeLabel: string): SlackMessage {
  const when = slackDate(new Date(session.startsAt), WHEN);
  const links = session.participants.filter((p) => p.meetingLink);
  // Slack's <…> tokens do not nest: the mention stands outside the link, never in its label.
  const where =
    links.length > 0
      ? links.map((p) => `<@${p.slackUserId}>'s room: ${slackLink(p.meetingLink!, 'join')}`).join(' or ')
      : 'Start a huddle right here in this DM when it is time.';
  return {
    text: `Your ${typeLabel} mock interview is on: ${when}.`,
    blocks: [
      ...header(session, typeLabel),
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:white_check_mark: *It is on:* ${when} (${session.durationMinutes} min)\n*Where:* ${where}`,
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: SESSION_BRIEF.openActionId,
            text: { type: 'plain_text', text: 'Brief your interviewer' },
            value: session.id,
          },
          {
            type: 'button',
            action_id: SESSION_ACTIONS.reschedule,
            text: { type: 'plain_text', text: 'Pick another time' },
            value: session.id,
          },
          cancelButton(session),
          {
            type: 'button',
            action_id: SESSION_ACTIONS.noShow,
            text: { type: 'plain_text', text: 'My partner has not shown up' },
            value: session.id,
            confirm: NO_SHOW_CONFIRM,
          },
        ],
      },
    ],
  };
}

/** What the intro says once the session is off, so old buttons cannot be pressed. */
export function sessionEndedMessage(session: SessionRecord, typeLabel: string, why: string): SlackMessage {
  const over = session.status === 'COMPLETED';
  return {
    text: over ? `This ${typeLabel} session is over.` : `This ${typeLabel} session is off: ${why}`,
    blocks: [
      ...header(session, typeLabel),
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: over
            ? ':checkered_flag: *This session is over.*'
            : `:no_entry_sign: *This session is off:* ${why}`,
        },
      },
    ],
  };
}

/** The intro as the session stands now: what the intro job posts and every change redraws. */
export function sessionIntroMessage(session: SessionRecord, typeLabel: string, now: number): SlackMessage {
  if (session.status === 'PROPOSED') return sessionProposalMessage(session, typeLabel, now);
  if (session.status === 'CONFIRMED') return sessionConfirmedMessage(session, typeLabel);
  return sessionEndedMessage(session, typeLabel, endedWhy(session));
}

function endedWhy(session: SessionRecord): string {
  if (session.status === 'CANCELLED') {
    return session.participants.length < 2 ? 'your partner left Mockingbird.' : 'it was cancelled.';
  }
  if (session.status === 'RELEASED') return 'no time was agreed, so it was released.';
  return 'it is over.';
}

export function cancelButton(session: SessionRecord) {
  return {
    type: 'button' as const,
    action_id: SESSION_ACTIONS.cancel,
    text: { type: 'plain_text' as const, text: 'Cancel session' },
    style: 'danger' as const,
    value: session.id,
    confirm: {
      title: { type: 'plain_text' as const, text: 'Cancel this session?' },
      text: {
        type: 'mrkdwn' as const,
        text: 'Your partner is told and goes back to the front of the queue. Cancelling shortly before the start counts against your reliability.',
      },
      confirm: { type: 'plain_text' as const, text: 'Cancel it' },
      deny: { type: 'plain_text' as const, text: 'Keep it' },
    },
  };
}
