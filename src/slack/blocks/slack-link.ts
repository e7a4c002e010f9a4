import { escapeText } from './escape-text.ts';

/**
 * A link in mrkdwn, `<url|label>`. The url cannot carry a raw `|`, `<` or `>` (they end the token)
 * and the label is plain text: never a mention or another token, since Slack's tokens do not nest.
 */
export function slackLink(url: string, label: string): string {
  const safeUrl = url.replaceAll('|', '%7C').replaceAll('<', '%3C').replaceAll('>', '%3E');
  return `<${safeUrl}|${escapeText(label).replaceAll('|', '/')}>`;
}
