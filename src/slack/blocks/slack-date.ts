/**
 * Slack's `<!date^…>` token: every reader sees the time in their own timezone. The fallback
 * (for clients that cannot render tokens) is UTC, labelled as such.
 */
export function slackDate(at: Date, format: string): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}
