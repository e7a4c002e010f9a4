/**
 * The shortcuts' callback ids: manifest.yml declares them under features.shortcuts (checked by
 * test/unit/manifest.test.ts) and index.ts listens for them, so they are spelt once, here.
 */
export const SHORTCUTS = {
  /** Global ("Find a practice partner"): from the composer's shortcut menu or search. */
  findPartner: 'find_partner',
  /** On a message ("Practise this question"): that message as the question to practise. */
  practiseQuestion: 'practise_question',
} as const;
