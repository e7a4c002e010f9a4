/**
 * Slack treats &, < and > as control characters in message text (links, mentions such as
 * <!channel>); anything a member typed is escaped before we echo it back.
 */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
