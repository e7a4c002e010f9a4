/** "a Strategy", "an *Execution*": the article English wants before a label (by its first letter, past any mrkdwn). */
export function withArticle(label: string): string {
  return /^[*_~]*[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}
