import type { KnownBlock } from '@slack/types';
import type { SessionRecord } from '../../store/sessions.ts';
import type { SlackMessage } from './help-message.ts';
import { NO_SHOW_CONFIRM, SESSION_ACTIONS, slotValue } from './session-actions.ts';
import { slackDate } from './slack-date.ts';

const WHEN = '{date_long_pretty} at {time}';

export function pairOf(session: SessionRecord): { first: string; second: string } {
  const [first, second] = session.participants;
  return { first: first?.slackUserId ?? '', second: second?.slackUserId ?? '' };
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
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:wave: <@${first}> and <@${second}>, you are matched for a *${typeLabel}* mock interview (${session.durationMinutes} min).`,
      },
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Interviews first*\n<@${first}>, then you swap` },
        { type: 'mrkdwn', text: `*Why you two*\n${session.reason}` },
      ],
    },
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
    text: `You are matched for a ${typeLabel} mock interview. Proposed: ${slackDate(new Date(session.startsAt), WHEN)}.`,
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
  const where =
    links.length > 0
      ? links.map((p) => `<${p.meetingLink}|<@${p.slackUserId}>'s room>`).join(' or ')
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
  return {
    text: `This ${typeLabel} session is off: ${why}`,
    blocks: [
      ...header(session, typeLabel),
      { type: 'section', text: { type: 'mrkdwn', text: `~Session~ ${why}` } },
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
    return session.participants.length < 2 ? 'called off: your partner left Mockingbird.' : 'cancelled.';
  }
  if (session.status === 'RELEASED') return 'released: no time was agreed.';
  return 'done.';
}

function cancelButton(session: SessionRecord) {
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
