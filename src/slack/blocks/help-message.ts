import type { KnownBlock } from '@slack/types';
import { BUILT_IN_INTERVIEW_TYPES, interviewTypeLabel } from '../../domain/interview-types.ts';
import { escapeText } from './escape-text.ts';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * What `/mock help` shows: only commands that exist, each with one line of why. The same message
 * every time, built once: the ack carries it, and building it anew was a tenth of what a
 * `/mock help` allocated. Frozen, since every caller shares it.
 */
export function helpMessage(): Readonly<SlackMessage> {
  help ??= Object.freeze(buildHelpMessage());
  return help;
}

let help: Readonly<SlackMessage> | undefined;

function buildHelpMessage(): SlackMessage {
  const commands: Array<[string, string]> = [
    ['/mock', 'Open the “Find a practice partner” form.'],
    [
      '/mock <type> [level] [role] [30min|45min|60min] [when]',
      'The quick path, e.g. `/mock execution senior both 45min weekdays 18-21` or `/mock behavioural now`.',
    ],
    ['/mock status', 'Your open request and upcoming sessions, with what to do next.'],
    ['/mock cancel', 'Withdraw your open request, or cancel your next session if there is none.'],
    [
      '/mock pause [until YYYY-MM-DD]',
      'Stop being matched, or snooze until a date. `/mock resume` undoes it.',
    ],
    [
      '/mock weekly <type> [level] [role] [length] [when]',
      'Pair me every week: entered into matching each week, `/mock weekly skip` skips one, `/mock weekly off` stops it.',
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
    [
      '/mock admin export [last N days | YYYY-MM-DD YYYY-MM-DD]',
      'Organizers: a CSV of the community’s sessions, attendance and feedback counts (no feedback text) in your DM; the last 30 days unless you say.',
    ],
    ['/mock profile', 'Your timezone, level, meeting link and private “don’t match me with” list.'],
    ['/mock stats', 'Your practice in numbers: sessions, weekly streak, types.'],
    ['/mock forget-me', 'Erase everything Mockingbird holds about you (asks first).'],
    ['/mock help', 'This list.'],
  ];
  return {
    text: 'Mockingbird finds you a mock-interview partner. Commands: /mock, /mock <type>, /mock status, /mock cancel, /mock pause, /mock resume, /mock weekly, /mock question, /mock profile, /mock stats, /mock admin, /mock forget-me, /mock help.',
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

/** A word a letter away from a command: ask, and spell out both readings. */
export function didYouMeanMessage(word: string, command: string, asType: string | null): SlackMessage {
  const typeLine = asType
    ? ` To ask for a partner for ${interviewTypeLabel(asType)} practice instead, type \`/mock ${asType} now\` (or another time, e.g. \`/mock ${asType} weekdays 18-21\`).`
    : '';
  const text = `Did you mean \`/mock ${command}\`?${typeLine} Nothing was done with \`/mock ${escapeText(word)}\`; \`/mock help\` lists every command.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** The answer to a subcommand we do not know: say what was wrong and what would work. */
export function unknownSubcommandMessage(word: string): SlackMessage {
  const text = `\`/mock ${escapeText(word)}\` is not a Mockingbird command. Try \`/mock help\` to see what you can do.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
