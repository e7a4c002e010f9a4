import type { KnownBlock } from '@slack/types';
import { interviewTypeLabel } from '../../domain/interview-types.ts';
import type { SessionRecord } from '../../store/sessions.ts';
import type { SlackMessage } from './help-message.ts';
import { describeRequest, type RequestSummary } from './request-summary.ts';
import { SESSION_ACTIONS, slotValue } from './session-actions.ts';
import { cancelButton } from './session-intro.ts';
import { slackDate } from './slack-date.ts';

const WHEN = '{date_long_pretty} at {time}';

/**
 * `/mock status`: the member's open request and their sessions still ahead, each with what to do
 * next, so nobody asks for a second partner while a proposal waits for them.
 */
export function statusMessage(
  slackUserId: string,
  request: RequestSummary | null,
  sessions: readonly SessionRecord[],
  now: number,
): SlackMessage {
  const blocks: KnownBlock[] = [];
  for (const session of sessions) blocks.push(...sessionBlocks(slackUserId, session, now));
  if (request) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Your open request*\n${describeRequest(request)}` },
    });
  }
  if (blocks.length === 0) {
    const text =
      'You have no open request and no session ahead. Ask for a partner with `/mock <type>`, e.g. `/mock execution now`, or just `/mock` for the form.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const summary = [
    sessions.length > 0 ? `${sessions.length} session${sessions.length === 1 ? '' : 's'} ahead` : null,
    request ? 'an open request' : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return { text: `You have ${summary}.`, blocks };
}

function sessionBlocks(slackUserId: string, session: SessionRecord, now: number): KnownBlock[] {
  const me = session.participants.find((p) => p.slackUserId === slackUserId);
  const partner = session.participants.find((p) => p.slackUserId !== slackUserId);
  const withWhom = partner ? ` with <@${partner.slackUserId}>` : '';
  const when = slackDate(new Date(session.startsAt), WHEN);
  const label = interviewTypeLabel(session.interviewType);
  if (session.status === 'CONFIRMED') {
    return [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:white_check_mark: *${label}*${withWhom}, ${when}: it is on. Your DM together has the details.`,
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
        ],
      },
    ];
  }
  const waitingOnMe = !me?.confirmedAt;
  const next = waitingOnMe
    ? 'waiting for *your* confirmation: confirm it here, or pick another time in your DM together.'
    : `you confirmed; waiting for ${partner ? `<@${partner.slackUserId}>` : 'your partner'}.`;
  const canConfirm = waitingOnMe && session.startsAt > now;
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:hourglass_flowing_sand: *${label}*${withWhom}, proposed for ${when}: ${next}`,
      },
    },
    {
      type: 'actions',
      elements: [
        ...(canConfirm
          ? [
              {
                type: 'button' as const,
                action_id: SESSION_ACTIONS.pickSlot,
                style: 'primary' as const,
                text: { type: 'plain_text' as const, text: 'Confirm' },
                value: slotValue(session, session.startsAt),
              },
            ]
          : []),
        cancelButton(session),
      ],
    },
  ];
}
