import type { SlackMessage } from './help-message.ts';

export function expiredRequestMessage(interviewTypeLabels: string[]): SlackMessage {
  const text =
    `Your request for ${interviewTypeLabels.join(', ')} practice has expired: nobody with matching times came ` +
    'along this week. It is not you, it is the calendar. Ask again with `/mock <type>`, perhaps with wider times ' +
    '(`/mock execution weekdays 18-22 weekends 9-12`).';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
