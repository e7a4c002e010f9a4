import { DateTime } from 'luxon';

/**
 * Slack's `<!date^seconds^format|fallback>` as Slack's client shows it to one reader: in the
 * reader's own timezone, with "today"/"tomorrow" judged on the reader's calendar at `nowMs`
 * (the sandbox's clock, so a skip ahead in time changes what "today" means).
 * https://api.slack.com/reference/surfaces/formatting#date-formatting
 */
export function formatSlackDate(
  seconds: number,
  format: string,
  viewer: { tz: string; nowMs: number },
): string {
  const at = DateTime.fromSeconds(seconds, { zone: viewer.tz });
  if (!at.isValid) return format;
  const now = DateTime.fromMillis(viewer.nowMs, { zone: viewer.tz });
  const pretty = (fallback: string): string => {
    const days = Math.round(at.startOf('day').diff(now.startOf('day'), 'days').days);
    if (days === 0) return 'today';
    if (days === -1) return 'yesterday';
    if (days === 1) return 'tomorrow';
    return fallback;
  };
  const day = `${at.toFormat('LLLL')} ${ordinal(at.day)}, ${at.year}`;
  const tokens: Record<string, () => string> = {
    date_num: () => at.toFormat('yyyy-MM-dd'),
    date: () => day,
    date_short: () => at.toFormat('LLL d, yyyy'),
    date_long: () => `${at.toFormat('cccc')}, ${day}`,
    date_pretty: () => pretty(day),
    date_short_pretty: () => pretty(at.toFormat('LLL d, yyyy')),
    date_long_pretty: () => pretty(`${at.toFormat('cccc')}, ${day}`),
    time: () => at.toFormat('h:mm a'),
    time_secs: () => at.toFormat('h:mm:ss a'),
    ago: () => at.toRelative({ base: now }) ?? '',
  };
  return format.replace(/\{([a-z_]+)\}/g, (whole, name: string) => tokens[name]?.() ?? whole);
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th'}`;
}
