import type { ModalView } from '@slack/types';
import { describeRequest, type RequestSummary } from './request-summary.ts';

/** What the request modal turns into once the request is saved: the member sees what we heard. */
export function requestPlacedModal(request: RequestSummary & { updated: boolean }): ModalView {
  const opening = request.updated ? 'Your open request is updated.' : 'You are in the pool.';
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Find a practice partner' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${opening}* I will open a group DM with your partner as soon as I find one.`,
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: describeRequest(request) } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '`/mock status` shows it, `/mock cancel` withdraws it.' }],
      },
    ],
  };
}
