import { MAX_NOW_MINUTES, MIN_NOW_MINUTES, MIN_WINDOW_MINUTES } from './availability-schema.ts';

/**
 * Every answer the quick path gives to availability it cannot read. Each names the words that
 * failed and shows a form that works, because the member sees it as an ephemeral reply and simply
 * types the command again.
 */
export const MAX_TEXT_LENGTH = 300;

const EXAMPLES = '`weekdays 18:00-21:00`, `sat,sun 10-14`, `tomorrow 9-11` or `now 90`';

export const textMessages = {
  empty: () => `Tell me when you're free, e.g. ${EXAMPLES}.`,
  tooLong: () => `That's more than ${MAX_TEXT_LENGTH} characters. Keep it short, e.g. ${EXAMPLES}.`,
  unknownDay: (word: string) =>
    `I don't know the day “${word}”. Use mon…sun, \`weekdays\`, \`weekends\`, \`daily\`, \`today\`, \`tomorrow\` or a date like \`2026-05-01\`.`,
  badDate: (word: string) =>
    `“${word}” isn't a date on the calendar. Write dates as YYYY-MM-DD, e.g. \`2026-05-01\`.`,
  missingTimes: (days: string) => `Add the hours for “${days}”, e.g. \`${days} 18:00-21:00\`.`,
  timesWithoutDays: (range: string) =>
    `Which days is “${range}” for? Put the days first, e.g. \`weekdays ${range}\` or \`tomorrow ${range}\`.`,
  badRange: (word: string) =>
    `“${word}” isn't a time range. Give a start and an end, e.g. \`18:00-21:00\` or \`6pm-9pm\`.`,
  badTime: (word: string) =>
    `“${word}” isn't a time of day. Use 24-hour times like \`18:30\`, or \`6:30pm\`.`,
  startsAtMidnightEnd: (range: string) =>
    `“${range}” starts at 24:00, which only ends a day. Start at 00:00 instead.`,
  emptyRange: (range: string) => `“${range}” starts and ends at the same time. Give a start and a later end.`,
  tooShort: (range: string, minutes: number) =>
    `“${range}” is only ${minutes} minutes; the shortest session is ${MIN_WINDOW_MINUTES} minutes.`,
  nowMinutes: (word: string) =>
    `\`now\` takes the minutes you're free for, from ${MIN_NOW_MINUTES} to ${MAX_NOW_MINUTES} (“${word}” won't do), e.g. \`now 90\`.`,
  nowTwice: () => 'Say `now` only once, e.g. `now 90`.',
  alreadyOver: (clause: string) => `“${clause}” is already over in your timezone. Pick a later time or day.`,
  tooFarAhead: (clause: string, horizonDays: number) =>
    `“${clause}” is more than ${horizonDays} days away, and requests only look ${horizonDays} days ahead. Pick a sooner day.`,
};
