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
  /**
   * A word a letter away from a command (`questions`, `stauts`): asked about, never acted on, even
   * when it also names an interview type, since a typo must not silently place a request.
   */
  | { kind: 'did-you-mean'; word: string; command: string; asType: string | null }
  /** `/mock question [type] [level]`: a private prompt to practise alone. */
  | { kind: 'question'; text: string }
  /** `/mock admin <area>`: organizer settings (today `daily`). */
  | { kind: 'admin'; text: string }
  /** `/mock admin export [range]`: the community's sessions as a CSV, for organizers. */
  | { kind: 'admin-export'; text: string }
  /** `/mock forget-me`: erase everything held about the member, after a confirmation. */
  | { kind: 'forget-me' }
  /** `/mock stats`: the member's own practice in numbers. */
  | { kind: 'stats' }
  /** `/mock weekly [off|skip|<type> …]`: "pair me every week". */
  | { kind: 'weekly'; text: string };

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
  weekly: 'weekly',
  every: 'weekly',
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
  if (kind === 'admin') {
    // The export is an errand, not a settings modal: it has its own listener and range.
    const rest = text.trim().slice(first.length).trim();
    const [area = ''] = rest.split(/\s+/);
    if (area.toLowerCase() === 'export')
      return { kind: 'admin-export', text: rest.slice(area.length).trim() };
    return { kind, text: rest };
  }
  if (kind === 'question' || kind === 'weekly') {
    return { kind, text: text.trim().slice(first.length).trim() };
  }
  const firstType = first.split(',')[0] ?? '';
  const type = findInterviewType(firstType);
  const near = nearestCommand(word);
  // An interview type spelled out (`strategy`) is what it says; an alias that is also a letter
  // away from a command (`questions`) is ambiguous, so the member is asked.
  if (near && type?.slug !== word) {
    return { kind: 'did-you-mean', word: first.slice(0, 40), command: near, asType: type?.slug ?? null };
  }
  if (type) return { kind: 'request', text: text.trim() };
  return { kind: 'unknown', word: first.slice(0, 40) };
}

/** The command one edit away from `word` (a letter added, dropped, changed or two swapped), if any. */
function nearestCommand(word: string): string | null {
  if (word.length < 4) return null;
  const commands = Object.keys(ALIASES).filter((alias) => alias.length >= 4 && /^[a-z-]+$/.test(alias));
  return commands.find((command) => editDistanceAtMostOne(word, command)) ?? null;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  return (
    restA.slice(1) === restB.slice(1) || // one letter changed
    restA === restB.slice(1) || // one letter dropped
    restA.slice(1) === restB || // one letter added
    (restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2))
  );
}
