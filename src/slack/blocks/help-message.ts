import type { KnownBlock } from '@slack/types';
import { BUILT_IN_INTERVIEW_TYPES } from '../../domain/interview-types.ts';
import { escapeText } from './escape-text.ts';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** What `/mock help` shows: only commands that exist, each with one line of why. */
export function helpMessage(): SlackMessage {
  const commands: Array<[string, string]> = [
    ['/mock', 'Open the “Find a practice partner” form.'],
    [
      '/mock <type> [level] [role] [when]',
      'The quick path, e.g. `/mock execution senior both weekdays 18-21` or `/mock behavioural now`.',
    ],
    ['/mock status', 'Your open request.'],
    ['/mock cancel', 'Withdraw your open request, or cancel your next session if there is none.'],
    [
      '/mock pause [until YYYY-MM-DD]',
      'Stop being matched, or snooze until a date. `/mock resume` undoes it.',
    ],
    ['/mock question [type] [level]', 'A private practice prompt, with follow-ups and a hint, to try alone.'],
    [
      '/mock admin',
      'Organizers: organizers, matching limits, session defaults and reminders; `/mock admin daily` for the daily question.',
    ],
    [
      '/mock admin questions',
      'Organizers: add, edit, retire and import (CSV or YAML) the workspace’s own questions.',
    ],
    ['/mock profile', 'Your timezone, level, meeting link and private “don’t match me with” list.'],
    ['/mock stats', 'Your practice in numbers: sessions, weekly streak, types.'],
    ['/mock forget-me', 'Erase everything Mockingbird holds about you (asks first).'],
    ['/mock help', 'This list.'],
  ];
  return {
    text: 'Mockingbird finds you a mock-interview partner. Commands: /mock, /mock <type>, /mock status, /mock cancel, /mock question, /mock profile, /mock help.',
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Mockingbird* pairs you with a peer for a mock interview of the kind you are preparing for, at a time that suits you both.',
        },
      },
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            commands.map(([command, what]) => `\`${command}\`  ${what}`).join('\n'),
            `Types: ${BUILT_IN_INTERVIEW_TYPES.map((type) => `\`${type.slug}\``).join(', ')}.`,
          ].join('\n\n'),
        },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Only you can see this message.' }],
      },
    ],
  };
}

/** The answer to a subcommand we do not know: say what was wrong and what would work. */
export function unknownSubcommandMessage(word: string): SlackMessage {
  const text = `\`/mock ${escapeText(word)}\` is not a Mockingbird command. Try \`/mock help\` to see what you can do.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
