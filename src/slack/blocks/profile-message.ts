import type { MemberProfile } from '../../store/members.ts';
import { escapeText } from './escape-text.ts';
import type { SlackMessage } from './help-message.ts';

export function profileMessage(profile: MemberProfile): SlackMessage {
  const timezone = profile.timezone
    ? `${profile.timezone}${profile.timezoneFromSlack === profile.timezone ? ' (from your Slack profile)' : ''}`
    : 'not known yet: set one in your Slack profile';
  const lines = [
    `*Timezone:* ${escapeText(timezone)}`,
    `*Level:* ${profile.level ? escapeText(profile.level) : 'not set'}`,
    `*Meeting link:* ${profile.meetingLink ? escapeText(profile.meetingLink) : 'not set (sessions will suggest a Slack huddle)'}`,
  ];
  return {
    text: `Your Mockingbird profile. Timezone: ${timezone}.`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Your Mockingbird profile' } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    ],
  };
}
