/**
 * The emoji shortcodes Mockingbird writes (and a few common ones), as Slack shows them. An unknown
 * code stays as typed, the way Slack shows a custom emoji it cannot find.
 */
const EMOJI: Readonly<Record<string, string>> = {
  wave: '👋',
  white_check_mark: '✅',
  checkered_flag: '🏁',
  no_entry_sign: '🚫',
  speech_balloon: '💬',
  alarm_clock: '⏰',
  fire: '🔥',
  tada: '🎉',
  dart: '🎯',
  hourglass_flowing_sand: '⏳',
  closed_lock_with_key: '🔐',
  bulb: '💡',
  calendar: '📅',
  spiral_calendar_pad: '🗓️',
  memo: '📝',
  star: '⭐',
  sparkles: '✨',
  eyes: '👀',
  thumbsup: '👍',
  '+1': '👍',
  pray: '🙏',
  warning: '⚠️',
  information_source: 'ℹ️',
  question: '❓',
  heavy_check_mark: '✔️',
  x: '❌',
  mag: '🔍',
  bird: '🐦',
  zzz: '💤',
  clock3: '🕒',
  handshake: '🤝',
  chart_with_upwards_trend: '📈',
  trophy: '🏆',
  bell: '🔔',
  paperclip: '📎',
  link: '🔗',
  rocket: '🚀',
  seedling: '🌱',
  raised_hands: '🙌',
  muscle: '💪',
  thinking_face: '🤔',
  smile: '😄',
  slightly_smiling_face: '🙂',
  busts_in_silhouette: '👥',
  bar_chart: '📊',
  date: '📅',
  lock: '🔒',
  hourglass: '⌛',
};

/** Replaces `:shortcode:` with the emoji where known. Expects text without HTML in it yet. */
export function replaceEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]{1,40}):/g, (whole, code: string) => EMOJI[code] ?? whole);
}
