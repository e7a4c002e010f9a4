import { findInterviewType } from './interview-types.ts';

/**
 * What a member asked for with `/mock <text>`. Parsing is pure so every spelling a member might
 * type is covered by a table of unit cases, not by Slack round trips.
 */
export type MockCommand =
  /** Bare `/mock`: the "Find a practice partner" modal. */
  | { kind: 'request-form' }
  | { kind: 'help' }
  | { kind: 'profile' }
  | { kind: 'status' }
  | { kind: 'cancel' }
  | { kind: 'pause'; text: string }
  | { kind: 'resume' }
  /** `/mock <type> …`: the quick path; the rest is read by parseQuickRequest with the member's clock. */
  | { kind: 'request'; text: string }
  | { kind: 'unknown'; word: string }
  /** `/mock question [type] [level]`: a private prompt to practise alone. */
  | { kind: 'question'; text: string }
  /** `/mock admin <area>`: organizer settings (today `daily`). */
  | { kind: 'admin'; text: string }
  /** `/mock forget-me`: erase everything held about the member, after a confirmation. */
  | { kind: 'forget-me' }
  /** `/mock stats`: the member's own practice in numbers. */
  | { kind: 'stats' };

const ALIASES: Record<string, MockCommand['kind']> = {
  help: 'help',
  '?': 'help',
  '-h': 'help',
  '--help': 'help',
  profile: 'profile',
  me: 'profile',
  status: 'status',
  cancel: 'cancel',
  stop: 'cancel',
  pause: 'pause',
  snooze: 'pause',
  resume: 'resume',
  unpause: 'resume',
  question: 'question',
  prompt: 'question',
  admin: 'admin',
  stats: 'stats',
  'forget-me': 'forget-me',
  forgetme: 'forget-me',
};

export function parseMockCommand(text: string): MockCommand {
  const [first = ''] = text.trim().split(/\s+/);
  const word = first.toLowerCase();
  if (word === '') return { kind: 'request-form' };
  const kind = ALIASES[word];
  if (
    kind === 'help' ||
    kind === 'profile' ||
    kind === 'status' ||
    kind === 'cancel' ||
    kind === 'resume' ||
    kind === 'forget-me' ||
    kind === 'stats'
  ) {
    return { kind };
  }
  if (kind === 'pause') return { kind, text: text.trim().slice(first.length).trim() };
  if (kind === 'question' || kind === 'admin') return { kind, text: text.trim().slice(first.length).trim() };
  const firstType = first.split(',')[0] ?? '';
  if (findInterviewType(firstType)) return { kind: 'request', text: text.trim() };
  return { kind: 'unknown', word: first.slice(0, 40) };
}
