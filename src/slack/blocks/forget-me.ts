import type { SlackMessage } from './help-message.ts';

export const FORGET_ME_ACTION = 'forget-me-confirm';

/** `/mock forget-me` asks first: erasing cannot be undone, and a slip of the keyboard should not do it. */
export function forgetMeConfirmation(): SlackMessage {
  const text =
    'This erases everything Mockingbird holds about you in this workspace: your profile, requests, sessions you took part in, feedback you gave and received, and your “don’t match me with” list. Sessions still ahead are cancelled and your partners are told. It cannot be undone.';
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: FORGET_ME_ACTION,
            style: 'danger',
            text: { type: 'plain_text', text: 'Erase my data' },
            value: 'erase',
            confirm: {
              title: { type: 'plain_text', text: 'Erase your data?' },
              text: { type: 'plain_text', text: 'Everything Mockingbird holds about you is deleted now.' },
              confirm: { type: 'plain_text', text: 'Erase' },
              deny: { type: 'plain_text', text: 'Keep it' },
            },
          },
        ],
      },
    ],
  };
}

export function forgottenMessage(cancelledSessions: number): SlackMessage {
  const sessions =
    cancelledSessions > 0
      ? ` ${cancelledSessions === 1 ? 'One session was' : `${cancelledSessions} sessions were`} cancelled and your partners told.`
      : '';
  const text = `Done: everything Mockingbird held about you is erased.${sessions} If you use \`/mock\` again, you start afresh.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
